/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.osgi;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Makes an instance of a component property type the way Declarative Services does: a value from the map where it
 * has one (keyed by the property name, {@code _} standing for {@code .}), else the attribute's default.
 */
final class Configurations {

    private Configurations() {
    }

    static <A> A of(Class<A> type, Map<String, ?> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (self, method, args) -> {
                    switch (method.getName()) {
                        case "annotationType":
                            return type;
                        case "toString":
                            return type.getSimpleName() + values;
                        case "hashCode":
                            return System.identityHashCode(self);
                        case "equals":
                            return self == args[0];
                        default:
                            String key = method.getName().replace('_', '.');
                            return values.containsKey(key) ? values.get(key) : method.getDefaultValue();
                    }
                });
        return type.cast(proxy);
    }
}
