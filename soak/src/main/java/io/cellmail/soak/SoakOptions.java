/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a soak run does.
 *
 * @param kills the fewest SIGKILLs to send
 * @param alarms the fewest alarms the service must accept
 * @param seed the random seed: the same seed makes the same alarms, faults and kill kinds in the same order
 * @param workDirectory where the run keeps everything (gateway copy, storage, spool, journals, transcript,
 *        logs); emptied at the start, kept afterwards as the evidence
 * @param distribution the built gateway distribution
 * @param out the document the results go into, if any (RELIABILITY.md: between its markers)
 * @param finalWait how long the last gateway may take to deliver or settle every accepted alarm
 * @param timeLimit when the kill phase stops even if the targets are not met
 * @param consumerHoldsService whether the alarm bundle keeps the mail service for good (otherwise it holds it
 *        only while it has alarms to send)
 * @param outboxDiskSize the size of the outbox's tmpfs
 * @param commandLine how the run was started, for the report
 */
record SoakOptions(int kills, int alarms, long seed, Path workDirectory, Path distribution, Optional<Path> out,
        Duration finalWait, Duration timeLimit, boolean consumerHoldsService, String outboxDiskSize,
        String commandLine) {

    /** A gateway's life between two kills, on average: start-up plus some seconds of work (see GatewayKiller). */
    static final Duration MEAN_CYCLE = Duration.ofSeconds(10);

    static final String USAGE = """
            usage: soak/run [--short] [--kills N] [--alarms N] [--seed N] [options]
              (java -jar soak/target/soak.jar ... once built; soak/run builds what it needs, then runs)
              --short            a short run: 4 kills over 30 alarms, about 2 minutes (what mvn verify runs)
              --kills N          send SIGKILL to the gateway at least N times (default 50)
              --alarms N         run until the service accepted at least N alarms (default 500)
              --seed N           the random seed (default: a new one, printed); the same seed replays the same
                                 alarms, faults and kill kinds in the same order
              --work DIR         where the run keeps its files, emptied first (default soak/target/soak-run)
              --gateway DIR      the gateway distribution (default features/gateway/target/cellmail-gateway)
              --out FILE         write the results between the generated-results markers of FILE
                                 (soak/run: RELIABILITY.md; none: print only)
              --final-wait S     seconds the last gateway gets to deliver every accepted alarm (default 600)
              --time-limit S     stop killing after S seconds even if the targets are not met (default 3600)
              --consumer-holds   the alarm bundle keeps the mail service for good instead of only while it
                                 has alarms to send
              --outbox-disk SIZE the outbox's tmpfs size (default 2m); the disk-full fault fills it
              --help             this text
            Exit code: 0 when nothing was lost, every duplicate is explained and no '+++' text ran as commands;
            1 otherwise; 2 for a wrong command line.
            """;

    SoakOptions {
        if (kills < 1 || alarms < 1) {
            throw new IllegalArgumentException("--kills and --alarms need at least 1");
        }
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(finalWait, "finalWait");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(outboxDiskSize, "outboxDiskSize");
        Objects.requireNonNull(commandLine, "commandLine");
    }

    /**
     * @param root the repository root, for the defaults
     * @param seed the seed
     * @return the options of the short run that {@code mvn verify} runs
     */
    static SoakOptions shortRun(Path root, long seed) {
        return new SoakOptions(4, 30, seed, root.resolve("soak/target/soak-short"),
                root.resolve("features/gateway/target/cellmail-gateway"), Optional.empty(), Duration.ofSeconds(60),
                Duration.ofMinutes(2), false, "2m", "soak/run --short --seed " + seed);
    }

    /**
     * @param args the command line
     * @param root the repository root, for the defaults
     * @return the options; {@code null} when help was asked for
     * @throws IllegalArgumentException for a wrong command line
     */
    static SoakOptions parse(String[] args, Path root) {
        Integer kills = null;
        Integer alarms = null;
        Long seed = null;
        Path work = null;
        Path gateway = root.resolve("features/gateway/target/cellmail-gateway");
        Path out = null;
        Long finalWait = null;
        Long timeLimit = null;
        boolean holds = false;
        String disk = "2m";
        boolean shortRun = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--short" -> shortRun = true;
                case "--kills" -> kills = positive(arg, value(args, ++i, arg));
                case "--alarms" -> alarms = positive(arg, value(args, ++i, arg));
                case "--seed" -> seed = number(arg, value(args, ++i, arg));
                case "--work" -> work = Path.of(value(args, ++i, arg));
                case "--gateway" -> gateway = Path.of(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--final-wait" -> finalWait = (long) positive(arg, value(args, ++i, arg));
                case "--time-limit" -> timeLimit = (long) positive(arg, value(args, ++i, arg));
                case "--consumer-holds" -> holds = true;
                case "--outbox-disk" -> disk = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        long chosenSeed = seed != null ? seed : System.nanoTime() ^ System.currentTimeMillis();
        // --short gives the short run's figures; any option given as well wins.
        SoakOptions base = shortRun ? shortRun(root, chosenSeed)
                : new SoakOptions(50, 500, chosenSeed, root.resolve("soak/target/soak-run"), gateway,
                        Optional.empty(), Duration.ofMinutes(10), Duration.ofHours(1), false, disk, "");
        return new SoakOptions(kills != null ? kills : base.kills(), alarms != null ? alarms : base.alarms(),
                chosenSeed, work != null ? work : base.workDirectory(), gateway, Optional.ofNullable(out),
                finalWait != null ? Duration.ofSeconds(finalWait) : base.finalWait(),
                timeLimit != null ? Duration.ofSeconds(timeLimit) : base.timeLimit(), holds, disk,
                commandLine(args, chosenSeed, seed == null));
    }

    /**
     * @param directory where the run keeps its files
     * @return these options with that directory
     */
    SoakOptions withWorkDirectory(Path directory) {
        return new SoakOptions(kills, alarms, seed, directory, distribution, out, finalWait, timeLimit,
                consumerHoldsService, outboxDiskSize, commandLine);
    }

    /** @return the mean gap between two alarms, so that the alarm and kill targets are met at about the same time */
    Duration meanAlarmGap() {
        return MEAN_CYCLE.multipliedBy(kills).dividedBy(alarms);
    }

    /** @return the mean gap between two faults: short enough that even a short run meets every kind */
    Duration meanFaultGap() {
        return Duration.ofSeconds(3);
    }

    /** @return the command that replays the run: its options without where the results and files went */
    private static String commandLine(String[] args, long seed, boolean seedChosen) {
        StringBuilder command = new StringBuilder("soak/run");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") || args[i].equals("--work")) {
                i++;
                continue;
            }
            command.append(' ').append(args[i]);
        }
        return command + (seedChosen ? " --seed " + seed : "");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String option, String text) {
        long value = number(option, text);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " needs a positive number, not '" + text + "'");
        }
        return (int) value;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + text + "'", e);
        }
    }
}
