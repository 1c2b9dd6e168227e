package io.cellmail.service;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from configuration properties that may arrive typed or as text, and collects every problem
 * instead of stopping at the first, so an operator sees all mistakes of a configuration at once.
 */
final class PropertyReader {

    private final Map<String, ?> properties;
    private final List<String> problems = new ArrayList<>();

    PropertyReader(Map<String, ?> properties) {
        this.properties = properties;
    }

    /** @return the trimmed text, or the default when absent or blank */
    String text(String key, String defaultValue) {
        String value = raw(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    /** @return the text as given, spaces included, or empty; never quoted in a problem */
    String secret(String key) {
        String value = raw(key);
        return value == null ? "" : value;
    }

    /** @return the whole number in [min, max], or the default when absent or blank */
    long number(String key, long defaultValue, long min, long max) {
        Object value = single(key);
        long result;
        if (value == null || value instanceof String text && text.isBlank()) {
            return defaultValue;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            result = ((Number) value).longValue();
        } else {
            try {
                result = Long.parseLong(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                problem(key, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
                return defaultValue;
            }
        }
        if (result < min || result > max) {
            problem(key, "must be from " + min + " to " + max + ", got " + result);
            return defaultValue;
        }
        return result;
    }

    /** @return the whole number in [min, max], or the default when absent or blank */
    int integer(String key, int defaultValue, int min, int max) {
        return (int) number(key, defaultValue, min, max);
    }

    /** @return true or false, from a Boolean or the text true/false in any case; the default when absent or blank */
    boolean bool(String key, boolean defaultValue) {
        Object value = single(key);
        if (value == null || value instanceof String text && text.isBlank()) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        problem(key, "must be true or false, got '" + value + "'");
        return defaultValue;
    }

    void problem(String key, String what) {
        problems.add(key + " " + what);
    }

    /** @throws IllegalArgumentException listing every problem found, if any */
    void throwIfAnyProblem() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid mail service configuration: " + String.join("; ", problems));
        }
    }

    private String raw(String key) {
        Object value = single(key);
        return value == null ? null : String.valueOf(value);
    }

    /** A one-element array or collection counts as its element: Kura and some tools store scalars that way. */
    private Object single(String key) {
        Object value = properties.get(key);
        if (value != null && value.getClass().isArray()) {
            return Array.getLength(value) == 1 ? Array.get(value, 0) : arrayProblem(key, Array.getLength(value));
        }
        if (value instanceof List<?> list) {
            return list.size() == 1 ? list.get(0) : arrayProblem(key, list.size());
        }
        return value;
    }

    private Object arrayProblem(String key, int length) {
        if (length > 0) {
            problem(key, "must be a single value, got " + length + " values");
        }
        return null;
    }
}
