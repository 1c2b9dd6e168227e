package io.cellmail.service.internal;

import static io.cellmail.service.MailServiceProperties.DEFAULT_AUTHENTICATION;
import static io.cellmail.service.MailServiceProperties.DEFAULT_BAUD;
import static io.cellmail.service.MailServiceProperties.DEFAULT_DIALECT;
import static io.cellmail.service.MailServiceProperties.DEFAULT_ESCAPE_MODE;
import static io.cellmail.service.MailServiceProperties.DEFAULT_EXPIRY_HOURS;
import static io.cellmail.service.MailServiceProperties.DEFAULT_FIXED_BAUD;
import static io.cellmail.service.MailServiceProperties.DEFAULT_FLOW_CONTROL;
import static io.cellmail.service.MailServiceProperties.DEFAULT_GUARD_TIME_MILLIS;
import static io.cellmail.service.MailServiceProperties.DEFAULT_MAILER_FACTORY_TARGET;
import static io.cellmail.service.MailServiceProperties.DEFAULT_MAX_BYTES;
import static io.cellmail.service.MailServiceProperties.DEFAULT_MAX_MESSAGES;
import static io.cellmail.service.MailServiceProperties.DEFAULT_MAX_PER_HOUR;
import static io.cellmail.service.MailServiceProperties.DEFAULT_NAME;
import static io.cellmail.service.MailServiceProperties.DEFAULT_PORT;
import static io.cellmail.service.MailServiceProperties.DEFAULT_RETRY_BASE_SECONDS;
import static io.cellmail.service.MailServiceProperties.DEFAULT_RETRY_CAP_SECONDS;
import static io.cellmail.service.MailServiceProperties.DEFAULT_SENDER_ADDRESS;
import static io.cellmail.service.MailServiceProperties.DEFAULT_SEND_DEADLINE_SECONDS;
import static io.cellmail.service.MailServiceProperties.DEFAULT_SMTP_HOST;
import static io.cellmail.service.MailServiceProperties.DEFAULT_SMTP_PORT;
import static io.cellmail.service.MailServiceProperties.FACTORY_PID;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import io.cellmail.service.MailServiceProperties;

/**
 * The metatype of a mail service: one factory configuration per modem. The names, after {@code _} becomes
 * {@code .} (a leading {@code _} gives the leading {@code .} of a private property), are those of
 * {@link MailServiceProperties}, and the defaults are its constants: the component reads the configuration through
 * {@link MailServiceProperties#toSettings}, this type only describes it to ConfigAdmin tools and web consoles.
 */
@ObjectClassDefinition(id = FACTORY_PID, name = "cellmail mail service",
        description = "Sends e-mail through the SMTP client of a cellular modem. One configuration per modem.")
@interface MailServiceConfiguration {

    @AttributeDefinition(name = "Name", description = "The service's name, unique on this gateway, e.g. modem1: the "
            + "cellmail.name service property that senders filter on, and part of the outbox directory's name.")
    String cellmail_name() default DEFAULT_NAME;

    @AttributeDefinition(name = "Dialect", description = "The modem's command dialect. Must match the dialect of the "
            + "factory that the mailer factory target selects.")
    String dialect() default DEFAULT_DIALECT;

    @AttributeDefinition(name = "Mailer factory target", description = "LDAP filter selecting the ModemMailerFactory "
            + "service, normally (dialect=<the dialect>).")
    String mailerFactory_target() default DEFAULT_MAILER_FACTORY_TARGET;

    @AttributeDefinition(name = "Port", description = "Link URI of the modem's AT port: serial:/dev/serial/by-id/..., "
            + "tcp://host:port (ser2net) or emulator:<name>. Baud rate and flow control come from the settings below.")
    String port() default DEFAULT_PORT;

    @AttributeDefinition(name = "Baud rate", description = "Bit rate of the serial port.", min = "1")
    int baud() default DEFAULT_BAUD;

    @AttributeDefinition(name = "Flow control", description = "Flow control of the port and the modem. RTS/CTS needs "
            + "both lines wired.", options = {
                @Option(value = "none", label = "None"),
                @Option(value = "rtscts", label = "Hardware (RTS/CTS)") })
    String flowControl() default DEFAULT_FLOW_CONTROL;

    @AttributeDefinition(name = "Fixed baud rate", description = "Switch the modem from auto-bauding to the baud rate "
            + "above and save it in the modem (AT+IPR, AT&W) when it is brought up.")
    boolean fixedBaud() default DEFAULT_FIXED_BAUD;

    @AttributeDefinition(name = "Guard time (ms)", description = "Silence before and after +++ when leaving data "
            + "mode; the modem wants at least 1000 ms.", min = "1", max = "60000")
    long guardTime() default DEFAULT_GUARD_TIME_MILLIS;

    @AttributeDefinition(name = "Escape mode", description = "How the modem ends an upload at +++. auto: found out "
            + "with a harmless probe whenever the modem starts; guarded: only a +++ framed by guard times (Quectel "
            + "modules); lenient: any +++, so bodies and attachments containing +++ are refused.", options = {
                @Option(value = "auto", label = "Find out (probe)"),
                @Option(value = "guarded", label = "Guard times (Hayes rule)"),
                @Option(value = "lenient", label = "Any +++") })
    String escapeMode() default DEFAULT_ESCAPE_MODE;

    @AttributeDefinition(name = "SIM PIN", description = "The SIM's PIN, entered when the SIM asks for it after the "
            + "modem starts; empty when the SIM needs none. A PIN the SIM refuses is not entered again until it is "
            + "changed here (three wrong PINs block the SIM).", type = AttributeType.PASSWORD, required = false)
    String _simPin() default "";

    @AttributeDefinition(name = "APN", description = "GPRS access point name of the SIM's operator.", required = false)
    String apn() default "";

    @AttributeDefinition(name = "APN user", description = "Access point user, if the operator wants one.",
            required = false)
    String apnUser() default "";

    @AttributeDefinition(name = "APN password", description = "Access point password, if the operator wants one.",
            type = AttributeType.PASSWORD, required = false)
    String _apnPassword() default "";

    @AttributeDefinition(name = "SMTP server", description = "Host name or address of the SMTP server.")
    String smtpHost() default DEFAULT_SMTP_HOST;

    @AttributeDefinition(name = "SMTP port", description = "Port of the SMTP server (the module speaks plain SMTP).",
            min = "1", max = "65535")
    int smtpPort() default DEFAULT_SMTP_PORT;

    @AttributeDefinition(name = "SMTP authentication", description = "Log in to the SMTP server with the user and "
            + "password below.")
    boolean authentication() default DEFAULT_AUTHENTICATION;

    @AttributeDefinition(name = "SMTP user", description = "SMTP user name.", required = false)
    String smtpUser() default "";

    @AttributeDefinition(name = "SMTP password", description = "SMTP password.", type = AttributeType.PASSWORD,
            required = false)
    String _smtpPassword() default "";

    @AttributeDefinition(name = "Sender address", description = "From address of mail that names no sender of its "
            + "own.")
    String senderAddress() default DEFAULT_SENDER_ADDRESS;

    @AttributeDefinition(name = "Sender name", description = "Display name of that sender; ASCII.", required = false)
    String senderName() default "";

    @AttributeDefinition(name = "Send deadline (s)", description = "How long one send attempt may take until the "
            + "modem starts sending; the modem's send then runs to its result, as long as the modem may take.",
            min = "1", max = "86400")
    long sendDeadline() default DEFAULT_SEND_DEADLINE_SECONDS;

    @AttributeDefinition(name = "First retry (s)", description = "Delay before the first retry of a transient "
            + "failure; later retries wait exponentially longer.", min = "1", max = "86400")
    long retryBase() default DEFAULT_RETRY_BASE_SECONDS;

    @AttributeDefinition(name = "Longest retry delay (s)", description = "The longest delay between two attempts.",
            min = "1", max = "604800")
    long retryCap() default DEFAULT_RETRY_CAP_SECONDS;

    @AttributeDefinition(name = "Expiry (h)", description = "How many hours a mail may wait for delivery before it "
            + "expires, counted while the service runs: time the gateway is switched off does not count, and a "
            + "step of the system clock changes nothing.", min = "1", max = "8760")
    long expiry() default DEFAULT_EXPIRY_HOURS;

    @AttributeDefinition(name = "Outbox directory", description = "Where accepted mail waits on disk. Empty: "
            + "outbox-<name> in this bundle's data area. One service per directory.", required = false)
    String outboxDirectory() default "";

    @AttributeDefinition(name = "Outbox size (mails)", description = "The most mails the outbox holds, 1 to 10000; "
            + "more are refused with QUEUE_FULL.", min = "1", max = "10000")
    int maxMessages() default DEFAULT_MAX_MESSAGES;

    @AttributeDefinition(name = "Outbox size (bytes)", description = "The most bytes the outbox holds on disk, 65536 "
            + "(64 KiB) to 4294967296 (4 GiB); more are refused with QUEUE_FULL. Mail waits on disk, not in memory.",
            min = "65536", max = "4294967296")
    long maxBytes() default DEFAULT_MAX_BYTES;

    @AttributeDefinition(name = "Sends per hour", description = "The most send attempts per hour, retries included; "
            + "0 for no limit.", min = "0")
    int maxPerHour() default DEFAULT_MAX_PER_HOUR;
}
