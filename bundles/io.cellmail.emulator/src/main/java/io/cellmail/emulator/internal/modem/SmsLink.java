/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.modem;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.internal.command.CmsErrors;
import io.cellmail.emulator.internal.command.SmsNetwork;
import io.cellmail.emulator.internal.fault.FaultPlan;
import io.cellmail.emulator.internal.fault.SmsFault;
import io.cellmail.emulator.internal.sms.ShortMessageCentre;
import io.cellmail.emulator.internal.sms.Submission;
import io.cellmail.emulator.internal.state.ModuleMemory;

/**
 * The radio path of a short message: the module needs a service centre address and network service (registered,
 * home or roaming), then the centre answers. Faults armed for the next message replace the centre's answer or
 * delay it. Runs on the modem thread, which a slow answer keeps busy, as the real module is until it answers.
 */
final class SmsLink implements SmsNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(SmsLink.class);

    private final ModuleMemory state;
    private final FaultPlan faults;
    private final ShortMessageCentre centre;

    SmsLink(ModuleMemory state, FaultPlan faults, ShortMessageCentre centre) {
        this.state = Objects.requireNonNull(state, "state");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.centre = Objects.requireNonNull(centre, "centre");
    }

    @Override
    public Result send(Submission submission) {
        SmsFault fault = faults.takeSmsFault();
        pause(fault.delay());
        int reference = state.sms().nextReference();
        int error;
        if (fault.error().isPresent()) {
            error = fault.error().getAsInt();
        } else if (state.sms().serviceCentre().isEmpty()) {
            error = CmsErrors.SMSC_ADDRESS_UNKNOWN;
        } else if (state.registration() != 1 && state.registration() != 5) {
            error = CmsErrors.NO_NETWORK_SERVICE;
        } else {
            error = centre.submit(submission, reference);
        }
        if (error != 0) {
            LOG.debug("short message refused with +CMS ERROR: {}", error);
            return new Result(reference, error);
        }
        state.sms().referenceUsed();
        return new Result(reference, 0);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
