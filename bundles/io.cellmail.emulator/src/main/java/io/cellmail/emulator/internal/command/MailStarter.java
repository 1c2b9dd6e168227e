/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.time.Duration;
import java.util.Optional;

/** Starts the SMTP transaction of {@code AT+QSMTPPUT}; its result comes later as {@code +QSMTPPUT: <result>}. */
@FunctionalInterface
public interface MailStarter {

    /** @param timeout the PUT timeout, empty for "without time restriction" */
    void start(Optional<Duration> timeout);
}
