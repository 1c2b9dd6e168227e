/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.util.Optional;
import java.util.OptionalInt;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.quectel.auto.AutoDialect;
import io.cellmail.service.spi.ModemHealth;

/**
 * How each state of the {@code auto} mailer shows to operators ({@code cellmail:status}, the CLI's {@code probe}):
 * the modem state and the module line, which names the module found and its dialect, or why no mail goes.
 */
final class AutoHealth {

    private AutoHealth() {
    }

    /**
     * @param reopening whether the identification's engine is reopening the port (the module does not answer)
     * @return the health while the module is being identified
     */
    static ModemHealth identifying(boolean reopening) {
        return new ModemHealth(reopening ? ModemState.UNAVAILABLE : ModemState.STARTING, Registration.UNKNOWN,
                OptionalInt.empty(), Optional.of("identifying the module (dialect " + AutoDialect.NAME + ")"));
    }

    /**
     * @param health the health the dialect's mailer reports
     * @param module the module found
     * @return that health, with the module and its dialect named unless the dialect's mailer names them
     */
    static ModemHealth delegating(ModemHealth health, ModuleIdentity module) {
        return health.module().isPresent() ? health : health.withModule(module.describe() + ", dialect "
                + module.family().dialect().orElseThrow() + ", found by " + AutoDialect.NAME);
    }

    /**
     * @param module the module found, which has no SMTP client
     * @return a final state: no mail goes through it
     */
    static ModemHealth noSmtpClient(ModuleIdentity module) {
        return without(ModemState.UNSUPPORTED, module.describe() + ": no SMTP client (AT+QSMTPCFG=? answers ERROR);"
                + " every mail fails with " + MailErrorCode.NO_SMTP_CLIENT.describe());
    }

    /**
     * @param module the module found, whose dialect has no factory
     * @return the health while mail waits for the dialect
     */
    static ModemHealth dialectMissing(ModuleIdentity module) {
        return without(ModemState.UNAVAILABLE, module.describe() + " speaks dialect "
                + module.family().dialect().orElseThrow() + ", which is not installed; mail waits for it");
    }

    /**
     * @param refusal why the module's dialect refused the settings
     * @return the health until the configuration changes
     */
    static ModemHealth settingsRefused(MailException refusal) {
        return without(ModemState.UNAVAILABLE, String.valueOf(refusal.getMessage()));
    }

    /** @return the health of a closed mailer */
    static ModemHealth closed() {
        return new ModemHealth(ModemState.STOPPED, Registration.UNKNOWN, OptionalInt.empty());
    }

    private static ModemHealth without(ModemState state, String module) {
        return new ModemHealth(state, Registration.UNKNOWN, OptionalInt.empty(), Optional.of(module));
    }
}
