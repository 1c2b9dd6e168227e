/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options a command accepts, and the parser of its arguments: {@code --name value}, {@code --name=value},
 * flags, repeatable options, positional arguments, {@code --} ending the options, and {@code --help}/{@code -h}
 * anywhere an option may stand. Build once per command with {@link #flag}, {@link #single}, {@link #repeatable}.
 */
public final class Options {

    /** How an option takes values. */
    private enum Kind {
        FLAG, SINGLE, REPEATABLE
    }

    private final Map<String, Kind> known = new LinkedHashMap<>();
    private final int maxPositionals;

    /** @param maxPositionals how many arguments that are not options the command takes */
    public Options(int maxPositionals) {
        if (maxPositionals < 0) {
            throw new IllegalArgumentException("negative positional count");
        }
        this.maxPositionals = maxPositionals;
    }

    /** @param name e.g. {@code --raw} @return this */
    public Options flag(String name) {
        return add(name, Kind.FLAG);
    }

    /** @param name an option given at most once, e.g. {@code --subject} @return this */
    public Options single(String name) {
        return add(name, Kind.SINGLE);
    }

    /** @param name an option that may be given many times, e.g. {@code --to} @return this */
    public Options repeatable(String name) {
        return add(name, Kind.REPEATABLE);
    }

    private Options add(String name, Kind kind) {
        Objects.requireNonNull(name, "name");
        if (!name.startsWith("--") || name.length() < 3 || name.indexOf('=') >= 0) {
            throw new IllegalArgumentException("an option is --word: " + name);
        }
        if (known.putIfAbsent(name, kind) != null) {
            throw new IllegalArgumentException("option declared twice: " + name);
        }
        return this;
    }

    /**
     * @param args the arguments after the command's name
     * @return what they say
     * @throws UsageException for an unknown option, a missing value, a value for a flag, a single option given
     *     twice, or too many positional arguments
     * @throws HelpRequested when {@code --help} or {@code -h} stands where an option may
     */
    public Parsed parse(List<String> args) throws UsageException, HelpRequested {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = Objects.requireNonNull(args.get(i), "argument");
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Kind kind = known.get(name);
            if (kind == null) {
                throw new UsageException("unknown option " + name);
            }
            String value;
            if (kind == Kind.FLAG) {
                if (equals >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                value = "";
            } else if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !known.containsKey(optionName(args.get(i + 1)))) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (kind != Kind.REPEATABLE && !list.isEmpty()) {
                throw new UsageException(name + " given twice");
            }
            list.add(value);
        }
        if (positionals.size() > maxPositionals) {
            throw new UsageException(maxPositionals == 0 ? "unexpected argument " + positionals.get(0)
                    : "unexpected argument " + positionals.get(maxPositionals));
        }
        return new Parsed(values, positionals);
    }

    private static String optionName(String arg) {
        int equals = arg.indexOf('=');
        return equals < 0 ? arg : arg.substring(0, equals);
    }

    /**
     * What the arguments say.
     *
     * @param values the values of each option given, in order (empty strings for flags)
     * @param positionals the arguments that are not options, in order
     */
    public record Parsed(Map<String, List<String>> values, List<String> positionals) {

        public Parsed {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            values = Map.copyOf(copy);
            positionals = List.copyOf(positionals);
        }

        /** @param name a flag @return whether it was given */
        public boolean flag(String name) {
            return values.containsKey(name);
        }

        /** @param name a single option @return its value, if given */
        public Optional<String> value(String name) {
            List<String> list = values.get(name);
            return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
        }

        /** @param name a repeatable option @return its values in order, empty if not given */
        public List<String> values(String name) {
            return values.getOrDefault(name, List.of());
        }

        /** @param index 0 for the first @return the positional argument, if given */
        public Optional<String> positional(int index) {
            return index < positionals.size() ? Optional.of(positionals.get(index)) : Optional.empty();
        }
    }
}
