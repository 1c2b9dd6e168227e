/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.config;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One configuration as the platform keeps it, without its passwords.
 *
 * @param id the platform's id of it (ConfigAdmin's PID, Kura's {@code kura.service.pid})
 * @param name the service's name, {@code cellmail.name}
 * @param values the attributes it sets, as stored (typed, or text as a {@code .cfg} file gave them); no password and
 *     none of the platform's bookkeeping ({@code service.pid}, ...)
 * @param passwordsSet the Password attributes that hold a non-empty value; their values never leave the store
 */
@ProviderType
public record StoredConfiguration(String id, String name, Map<String, Object> values, Set<String> passwordsSet) {

    public StoredConfiguration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        passwordsSet = Collections.unmodifiableSet(new TreeSet<>(passwordsSet));
    }
}
