/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Checks settings an operator typed against the metatype before anything changes: the name (an unknown one is
 * refused with the nearest valid name), the type, the options, the metatype's own validation (ranges) and whether
 * a required setting is left empty. Every problem is named at once. A password is never taken here, and no message
 * repeats a value given under a name that is not a known, non-password setting: it might be a mistyped password.
 */
final class SettingCheck {

    private final Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
    private final Set<String> required = new HashSet<>();

    SettingCheck(ObjectClassDefinition definition) {
        for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            attributes.put(attribute.getID(), attribute);
        }
        AttributeDefinition[] requiredOnes = definition.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        if (requiredOnes != null) {
            for (AttributeDefinition attribute : requiredOnes) {
                required.add(attribute.getID());
            }
        }
    }

    /** @return every attribute of the metatype, in its order */
    List<AttributeDefinition> attributes() {
        return List.copyOf(attributes.values());
    }

    /** @return the attribute, if the metatype declares it */
    Optional<AttributeDefinition> attribute(String id) {
        return Optional.ofNullable(attributes.get(id));
    }

    static boolean isPassword(AttributeDefinition attribute) {
        return attribute.getType() == AttributeDefinition.PASSWORD;
    }

    /**
     * @param assignments {@code key=value} as typed
     * @return the settings, typed as the metatype says, in the order given
     * @throws UsageException naming every problem
     */
    Map<String, Object> assignments(List<String> assignments) throws UsageException {
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                problems.add("'" + (equals < 0 ? assignment : "=…") + "' is not key=value");
            } else {
                texts.put(assignment.substring(0, equals).strip(), assignment.substring(equals + 1));
            }
        }
        return values(texts, problems);
    }

    /**
     * @param texts settings as text (typed on the console, or read from a file)
     * @return the settings, typed as the metatype says
     * @throws UsageException naming every problem
     */
    Map<String, Object> values(Map<String, String> texts) throws UsageException {
        return values(texts, new ArrayList<>());
    }

    private Map<String, Object> values(Map<String, String> texts, List<String> problems) throws UsageException {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            String key = entry.getKey();
            AttributeDefinition attribute = attributes.get(key);
            if (attribute == null) {
                problems.add(unknown(key));
            } else if (isPassword(attribute)) {
                problems.add(key + " is a password: set it with cellmail:config password <service> " + key
                        + " (read without echo, or from a file), never on the command line");
            } else {
                try {
                    typed.put(key, value(attribute, entry.getValue()));
                } catch (UsageException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
        return typed;
    }

    /**
     * @param key a name that should be a Password attribute
     * @return the attribute
     * @throws UsageException when it is unknown or no password
     */
    AttributeDefinition password(String key) throws UsageException {
        AttributeDefinition attribute = attributes.get(key);
        if (attribute == null) {
            throw new UsageException(unknown(key));
        }
        if (!isPassword(attribute)) {
            throw new UsageException(key + " is no password; the passwords are " + String.join(", ",
                    attributes.values().stream().filter(SettingCheck::isPassword).map(AttributeDefinition::getID)
                            .toList()));
        }
        return attribute;
    }

    private String unknown(String key) {
        return "unknown setting '" + key + "'" + NearestName.of(key, attributes.keySet())
                .map(near -> ": did you mean " + near + "?").orElse(" (cellmail:config show <service> lists them)");
    }

    /** @return the text converted to the attribute's type, once the metatype accepts it */
    Object value(AttributeDefinition attribute, String text) throws UsageException {
        String key = attribute.getID();
        Objects.requireNonNull(text, key);
        if (text.isEmpty() && attribute.getType() != AttributeDefinition.STRING) {
            throw new UsageException(key + " needs a value (" + typeName(attribute) + ")");
        }
        if (text.isEmpty()) {
            if (required.contains(key)) {
                throw new UsageException(key + " is required: it cannot be empty");
            }
            return text;
        }
        Object value = typed(attribute, text);
        String[] options = attribute.getOptionValues();
        if (options != null && options.length > 0 && !List.of(options).contains(text)) {
            throw new UsageException(key + ": '" + text + "' is not one of " + String.join(", ", options));
        }
        String refusal = attribute.validate(text);
        if (refusal != null && !refusal.isEmpty()) {
            throw new UsageException(key + ": " + text + " is refused by the metatype ("
                    + (refusal.startsWith("%") ? refusal.substring(1) : refusal) + ")");
        }
        return value;
    }

    private static Object typed(AttributeDefinition attribute, String text) throws UsageException {
        String key = attribute.getID();
        try {
            switch (attribute.getType()) {
                case AttributeDefinition.INTEGER:
                    return Integer.valueOf(text);
                case AttributeDefinition.LONG:
                    return Long.valueOf(text);
                case AttributeDefinition.BOOLEAN:
                    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        return Boolean.valueOf(text);
                    }
                    throw new UsageException(key + ": '" + text + "' is not true or false");
                default:
                    return text;
            }
        } catch (NumberFormatException e) {
            throw new UsageException(key + ": '" + text + "' is not " + typeName(attribute));
        }
    }

    /** @return the type in words, e.g. {@code a whole number (Integer)} */
    static String typeName(AttributeDefinition attribute) {
        switch (attribute.getType()) {
            case AttributeDefinition.INTEGER:
                return "a whole number (Integer)";
            case AttributeDefinition.LONG:
                return "a whole number (Long)";
            case AttributeDefinition.BOOLEAN:
                return "true or false";
            case AttributeDefinition.PASSWORD:
                return "a password";
            default:
                return "text";
        }
    }
}
