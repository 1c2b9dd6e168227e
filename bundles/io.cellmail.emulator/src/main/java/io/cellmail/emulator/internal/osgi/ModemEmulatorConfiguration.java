/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The metatype of an emulated module: one factory configuration per module. */
@ObjectClassDefinition(id = ModemEmulatorComponent.FACTORY_PID, name = "cellmail modem emulator",
        description = "An emulated Quectel module (GSM M95 or LTE EG25-G) with its SMTP client, reachable as emulator:<name> and "
                + "optionally over TCP. For tests and demonstrations without a modem.")
@interface ModemEmulatorConfiguration {

    @AttributeDefinition(name = "Name", description = "The module's name: mail services reach it as "
            + "emulator:<name>. Letters, digits, '.', '_' or '-'.")
    String name() default "demo";

    @AttributeDefinition(name = "Personality", description = "The module answered as: m95 (GSM SMTP manual V1.00), "
            + "eg25g (LTE SMTP dialect: AT+QSMTPCFG keys, files, +QSMTPPUT: <err>,<protocol_error>) or bg95 (LTE, no "
            + "SMTP client).", options = {
                @Option(label = "Quectel M95 (GSM)", value = "m95"),
                @Option(label = "Quectel EG25-G (LTE)", value = "eg25g"),
                @Option(label = "Quectel BG95-M3 (LTE, no SMTP)", value = "bg95")})
    String personality() default "m95";

    @AttributeDefinition(name = "SMTP route", description = "host:port every emulated send connects to instead of "
            + "the server the host configured (AT+QSMTPSRV), e.g. a local test server. Empty: the configured server.",
            required = false)
    String smtpRoute() default "";

    @AttributeDefinition(name = "Line rate (baud)", description = "Emulated line speed in both directions; 0 for "
            + "unlimited.", min = "0")
    int baud() default 0;

    @AttributeDefinition(name = "Latency (ms)", description = "Delay between a command and its answer.", min = "0")
    long latency() default 0;

    @AttributeDefinition(name = "Guard time (ms)", description = "Silence the module needs before and after +++ to "
            + "leave data mode.", min = "0")
    long guardTime() default 1000;

    @AttributeDefinition(name = "Lenient escape", description = "Any +++ in an upload ends data mode at once, guard "
            + "time or not, like some clones do.")
    boolean lenientEscape() default false;

    @AttributeDefinition(name = "Attachments end by length", description = "M95: an attachment upload ends by itself "
            + "once its announced size came (+QSMTPATT: <n>, OK), no +++ needed; off: it waits for +++ as the manual "
            + "describes.")
    boolean attachmentsEndByLength() default false;

    @AttributeDefinition(name = "SIM PIN", description = "The PIN the emulated SIM asks for after every boot, 4 to 8 "
            + "digits; three wrong entries block it (its PUK is 12345678). Empty: a SIM without PIN.",
            required = false)
    String simPin() default "";

    @AttributeDefinition(name = "SMS prompt", description = "What the module writes when it waits for a short "
            + "message's text: space (CR LF > SP, as 27.005 and Quectel), bare (CR LF >, some firmwares) or line "
            + "(CR LF > CR LF).", options = {
                @Option(label = "> with a space", value = "space"),
                @Option(label = "> without a space", value = "bare"),
                @Option(label = "> on a line of its own", value = "line")})
    String smsPrompt() default "space";

    @AttributeDefinition(name = "Listen", description = "host:port to also serve the module over TCP (one host at a "
            + "time, like ser2net), e.g. 127.0.0.1:4001; port 0 picks a free one. Empty: in-JVM only.",
            required = false)
    String listen() default "";
}
