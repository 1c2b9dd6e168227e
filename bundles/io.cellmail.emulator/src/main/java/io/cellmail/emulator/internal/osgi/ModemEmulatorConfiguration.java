package io.cellmail.emulator.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The metatype of an emulated module: one factory configuration per module. */
@ObjectClassDefinition(id = ModemEmulatorComponent.FACTORY_PID, name = "cellmail modem emulator",
        description = "An emulated Quectel GSM module with its SMTP client, reachable as emulator:<name> and "
                + "optionally over TCP. For tests and demonstrations without a modem.")
@interface ModemEmulatorConfiguration {

    @AttributeDefinition(name = "Name", description = "The module's name: mail services reach it as "
            + "emulator:<name>. Letters, digits, '.', '_' or '-'.")
    String name() default "demo";

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

    @AttributeDefinition(name = "SIM PIN", description = "The PIN the emulated SIM asks for after every boot, 4 to 8 "
            + "digits; three wrong entries block it (its PUK is 12345678). Empty: a SIM without PIN.",
            required = false)
    String simPin() default "";

    @AttributeDefinition(name = "Listen", description = "host:port to also serve the module over TCP (one host at a "
            + "time, like ser2net), e.g. 127.0.0.1:4001; port 0 picks a free one. Empty: in-JVM only.",
            required = false)
    String listen() default "";
}
