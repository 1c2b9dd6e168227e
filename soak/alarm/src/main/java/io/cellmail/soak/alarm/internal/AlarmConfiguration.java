/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak.alarm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The soak alarm bundle's configuration (PID {@value AlarmSenderComponent#PID}), shared by its two components. */
@ObjectClassDefinition(id = AlarmSenderComponent.PID, name = "cellmail soak alarms",
        description = "Sends the alarm requests of a spool directory and journals what happened to them.")
@interface AlarmConfiguration {

    @AttributeDefinition(name = "Spool directory",
            description = "Where the soak harness drops alarm requests (<id>.req, java.util.Properties).")
    String spoolDirectory();

    @AttributeDefinition(name = "Journal directory",
            description = "Where accepted.log and events.log are appended, each line forced to disk.")
    String journalDirectory();

    @AttributeDefinition(name = "Hold the mail service",
            description = "true: get the mail service once and keep it; false: get it when a request waits and let"
                    + " it go after releaseAfterIdle without requests, as an alarm bundle that looks the service up"
                    + " when an alarm fires does.")
    boolean holdService() default false;

    @AttributeDefinition(name = "Release after idle (ms)",
            description = "Without holdService: how long the spool stays empty before the service is let go.")
    long releaseAfterIdle() default 2000;

    @AttributeDefinition(name = "Mail service filter", description = "Which CellularMailService to use.")
    String mailService_target() default "(cellmail.name=soak)";
}
