/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import io.cellmail.emulator.internal.sms.Submission;

/** Sends one SMS-SUBMIT the module made through the radio to the service centre. */
@FunctionalInterface
public interface SmsNetwork {

    /**
     * How a submission went.
     *
     * @param messageReference the TP-MR the module gave it, when accepted
     * @param cmsError 0 when the centre accepted it, else the {@code +CMS ERROR} code
     */
    record Result(int messageReference, int cmsError) {

        /** @return true if the centre took the message */
        public boolean accepted() {
            return cmsError == 0;
        }
    }

    /**
     * @param submission the part or message
     * @return its result, after as long as the network takes
     */
    Result send(Submission submission);
}
