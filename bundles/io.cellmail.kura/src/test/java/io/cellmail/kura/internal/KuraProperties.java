/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.util.HashMap;
import java.util.Map;

/** Builds the properties Kura hands to an instance: what the operator set, plus Kura's bookkeeping. */
final class KuraProperties {

    /** The port of an instance the operator configured (without one, an instance is not configured yet). */
    static final String PORT = "serial:/dev/ttyS1";

    private final Map<String, Object> properties = new HashMap<>();

    /** @return an instance the operator configured: Kura's bookkeeping and a {@link #PORT} */
    static KuraProperties instance(String kuraPid) {
        KuraProperties result = new KuraProperties();
        result.properties.put("port", PORT);
        result.properties.put(CellularMailOptions.KURA_SERVICE_PID, kuraPid);
        result.properties.put("service.pid", CellularMailComponent.PID + "." + kuraPid.hashCode());
        result.properties.put("service.factoryPid", CellularMailComponent.PID);
        return result;
    }

    KuraProperties with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    KuraProperties withAll(Map<String, ?> more) {
        properties.putAll(more);
        return this;
    }

    /** An SMTP login whose password Kura stored encrypted. */
    KuraProperties login(String user, String password) {
        return with("authentication", true).with("smtpUser", user)
                .with(".smtpPassword", ReversingCrypto.encrypt(password));
    }

    Map<String, Object> toMap() {
        return new HashMap<>(properties);
    }
}
