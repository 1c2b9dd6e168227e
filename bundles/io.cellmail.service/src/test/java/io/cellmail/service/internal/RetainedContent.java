/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures, structurally, how much mail content an object keeps reachable: the bytes of every {@code byte[]} and
 * the characters of every {@code String} it reaches through the fields of cellmail's own classes and through the
 * JDK's collections, maps, optionals and arrays. Threads, locks, executors and the like are not followed (they
 * are not where a queue keeps its entries, and the framework's objects are not ours to count). So it answers
 * "does the queue hold the mail's body and attachments?" without timing anything or guessing at the heap.
 */
final class RetainedContent {

    private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private long bytes;

    private RetainedContent() {
    }

    /** @return the bytes of content reachable from the root */
    static long bytesReachableFrom(Object root) {
        RetainedContent walk = new RetainedContent();
        walk.walk(root);
        return walk.bytes;
    }

    private void walk(Object root) {
        Deque<Object> pending = new ArrayDeque<>();
        push(pending, root);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next == null || !seen.add(next)) {
                continue;
            }
            follow(next, pending);
        }
    }

    private void follow(Object object, Deque<Object> pending) {
        Class<?> type = object.getClass();
        if (object instanceof byte[] array) {
            bytes += array.length;
        } else if (object instanceof String text) {
            bytes += text.length();
        } else if (type.isArray() && !type.getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(object); i++) {
                push(pending, Array.get(object, i));
            }
        } else if (object instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                push(pending, key);
                push(pending, value);
            });
        } else if (object instanceof Collection<?> collection) {
            collection.forEach(element -> push(pending, element));
        } else if (object instanceof Optional<?> optional) {
            optional.ifPresent(value -> push(pending, value));
        } else if (type.getName().startsWith("io.cellmail.")) {
            for (Class<?> c = type; c != null && c.getName().startsWith("io.cellmail."); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                        push(pending, read(field, object));
                    }
                }
            }
        }
    }

    private static void push(Deque<Object> pending, Object next) {
        if (next != null) {
            pending.push(next);
        }
    }

    private static Object read(Field field, Object object) {
        try {
            field.setAccessible(true);
            return field.get(object);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("cannot read " + field, e);
        }
    }
}
