/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal.sms;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtException;

/** What a failed SMS command means for cellmail: {@code +CMS ERROR} by {@link CmsErrors}, the rest by its kind. */
final class SmsFailures {

    private SmsFailures() {
    }

    /**
     * @param failure how the command failed
     * @param what the command (masked) and, for a part of a longer text, which part
     * @return the typed failure
     */
    static MailException toMailException(AtException failure, String what) {
        return new MailException(code(failure), null, what + ": " + reason(failure), failure);
    }

    private static MailErrorCode code(AtException failure) {
        return switch (failure.kind()) {
            case CMS_ERROR -> failure.code().isPresent() ? CmsErrors.mailCode(failure.code().getAsInt())
                    : MailErrorCode.SMS_FAILED;
            case CME_ERROR -> cme(failure);
            case TIMEOUT -> MailErrorCode.MODEM_TIMEOUT;
            case MODEM_REBOOTED -> MailErrorCode.MODEM_REBOOTED;
            case LINK_LOST, CLOSED, CANCELLED -> MailErrorCode.MODEM_UNAVAILABLE;
            // ERROR without a code, a negative result, a reply that did not fit: nothing says it is for good
            default -> MailErrorCode.SMS_FAILED;
        };
    }

    /** {@code +CME ERROR} of the SIM (TS 27.007 9.2.1) mean what they mean for mail; the rest may pass. */
    private static MailErrorCode cme(AtException failure) {
        int code = failure.code().orElse(-1);
        return switch (code) {
            case 10, 13 -> MailErrorCode.NO_SIM;
            case 11 -> MailErrorCode.SIM_PIN_REQUIRED;
            case 12 -> MailErrorCode.SIM_BLOCKED;
            case 30 -> MailErrorCode.NOT_REGISTERED;
            default -> MailErrorCode.SMS_FAILED;
        };
    }

    private static String reason(AtException failure) {
        if (failure.kind() == AtException.Kind.CMS_ERROR && failure.code().isPresent()) {
            return CmsErrors.describe(failure.code().getAsInt());
        }
        return failure.getMessage();
    }
}
