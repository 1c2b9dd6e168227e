/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.util.Optional;

import io.cellmail.quectel.QuectelDialect;
import io.cellmail.quectel.lte.QuectelLteDialect;

/** Which SMTP client a module has, told by its answer to {@code AT+QSMTPCFG=?}, and the dialect that drives it. */
public enum ModuleFamily {

    /** The GSM SMTP client of the manual V1.00: {@code +QSMTPCFG: (1)} (the authentication switch). */
    GSM(QuectelDialect.NAME),
    /** The LTE SMTP client: {@code +QSMTPCFG: "contextid",(1-16)} and the other string keys. */
    LTE(QuectelLteDialect.NAME),
    /** No SMTP client: {@code AT+QSMTPCFG=?} answers {@code ERROR} (a BG95). */
    NONE(null);

    private final Optional<String> dialect;

    ModuleFamily(String dialect) {
        this.dialect = Optional.ofNullable(dialect);
    }

    /** @return the value of the {@code dialect} service property of the factory that drives it; empty for none */
    public Optional<String> dialect() {
        return dialect;
    }
}
