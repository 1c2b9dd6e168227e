package io.cellmail.service;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.api.CellularMailService;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.MailerSettings.EscapeMode;
import io.cellmail.service.spi.MailerSettings.FlowControl;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * The configuration properties of a mail service and their one mapping to {@link MailServiceSettings}. Every
 * configuration front end (the Declarative Services component of this bundle, the Kura component) reads the same
 * property names with the same defaults through {@link #toSettings(Map, Path)}, so a setting means the same
 * wherever it is made.
 *
 * <p>Values may arrive typed (ConfigAdmin, Kura, Configurator JSON) or as text (FileInstall {@code .cfg} files):
 * numbers and booleans are read from either. A property that is absent or blank takes its default. The
 * passwords and the SIM PIN are private properties (their names start with a dot), so Declarative Services keeps them out of the
 * service registry and no console that lists service properties can show them.
 */
@ProviderType
public final class MailServiceProperties {

    /** The ConfigAdmin factory PID of a mail service: one factory configuration per modem. */
    public static final String FACTORY_PID = "io.cellmail.mail";

    /** The service's name, also its {@value CellularMailService#NAME_PROPERTY} service property (String). */
    public static final String NAME = CellularMailService.NAME_PROPERTY;
    /** The dialect of the modem, e.g. {@code quectel-gsm} (String). */
    public static final String DIALECT = "dialect";
    /** The target filter that selects the {@link ModemMailerFactory} (String, LDAP filter). */
    public static final String MAILER_FACTORY_TARGET = "mailerFactory.target";
    /** The link URI of the modem's port, e.g. {@code serial:/dev/ttyUSB2} or {@code emulator:demo} (String). */
    public static final String PORT = "port";
    /** The bit rate of the port (Integer). */
    public static final String BAUD = "baud";
    /** The flow control of the port and the modem: {@code none} or {@code rtscts} (String). */
    public static final String FLOW_CONTROL = "flowControl";
    /** Whether the modem is switched to {@link #BAUD} and saves it, instead of auto-bauding (Boolean). */
    public static final String FIXED_BAUD = "fixedBaud";
    /** The silence before and after {@code +++}, in milliseconds (Long). */
    public static final String GUARD_TIME = "guardTime";
    /**
     * How the modem ends data mode at {@code +++}: {@code auto} (found out by a probe), {@code guarded} (only a
     * {@code +++} framed by guard times) or {@code lenient} (any {@code +++}) (String).
     */
    public static final String ESCAPE_MODE = "escapeMode";
    /** The SIM's PIN, empty when the SIM needs none (String, a password; private property). */
    public static final String SIM_PIN = ".simPin";
    /** The GPRS access point name (String). */
    public static final String APN = "apn";
    /** The access point user (String). */
    public static final String APN_USER = "apnUser";
    /** The access point password (String, a password; private property). */
    public static final String APN_PASSWORD = ".apnPassword";
    /** The SMTP server's host name or address (String). */
    public static final String SMTP_HOST = "smtpHost";
    /** The SMTP server's port (Integer). */
    public static final String SMTP_PORT = "smtpPort";
    /** Whether the SMTP server wants a user and password (Boolean). */
    public static final String AUTHENTICATION = "authentication";
    /** The SMTP user (String). */
    public static final String SMTP_USER = "smtpUser";
    /** The SMTP password (String, a password; private property). */
    public static final String SMTP_PASSWORD = ".smtpPassword";
    /** The sender address of mail that names none (String). */
    public static final String SENDER_ADDRESS = "senderAddress";
    /** The sender display name of mail that names none (String). */
    public static final String SENDER_NAME = "senderName";
    /** How long one send attempt may take, in seconds (Long). */
    public static final String SEND_DEADLINE = "sendDeadline";
    /** The delay before the first retry, in seconds (Long). */
    public static final String RETRY_BASE = "retryBase";
    /** The longest delay between attempts, in seconds (Long). */
    public static final String RETRY_CAP = "retryCap";
    /** How long a mail may wait for delivery, in hours (Long). */
    public static final String EXPIRY = "expiry";
    /** The outbox directory; blank for {@code outbox-<name>} in the bundle's data area (String). */
    public static final String OUTBOX_DIRECTORY = "outboxDirectory";
    /** The most mails the outbox holds, 1 to 10 000 (Integer). */
    public static final String MAX_MESSAGES = "maxMessages";
    /** The most bytes the outbox holds on disk, 64 KiB to 4 GiB (Long). */
    public static final String MAX_BYTES = "maxBytes";
    /** The most send attempts per hour, 0 for no limit (Integer). */
    public static final String MAX_PER_HOUR = "maxPerHour";

    /** The properties holding secrets: never log, print or register them. */
    public static final Set<String> PASSWORDS = Set.of(APN_PASSWORD, SMTP_PASSWORD, SIM_PIN);

    /** Default {@link #NAME}. */
    public static final String DEFAULT_NAME = "modem1";
    /** Default {@link #DIALECT}: the Quectel GSM SMTP dialect. */
    public static final String DEFAULT_DIALECT = "quectel-gsm";
    /** Default {@link #MAILER_FACTORY_TARGET}: the factory of {@link #DEFAULT_DIALECT}. */
    public static final String DEFAULT_MAILER_FACTORY_TARGET =
            "(" + ModemMailerFactory.DIALECT_PROPERTY + "=" + DEFAULT_DIALECT + ")";
    /** Default {@link #PORT}: the emulated module named {@code demo}. */
    public static final String DEFAULT_PORT = "emulator:demo";
    /** Default {@link #BAUD}. */
    public static final int DEFAULT_BAUD = 115200;
    /** Default {@link #FLOW_CONTROL}. */
    public static final String DEFAULT_FLOW_CONTROL = "none";
    /** Default {@link #FIXED_BAUD}: leave the modem's rate setting alone. */
    public static final boolean DEFAULT_FIXED_BAUD = false;
    /** Default {@link #GUARD_TIME}: {@link MailerSettings#DEFAULT_GUARD_TIME}, a margin over the modem's 1 s. */
    public static final long DEFAULT_GUARD_TIME_MILLIS = 1100;
    /** Default {@link #ESCAPE_MODE}: let the dialect find out. */
    public static final String DEFAULT_ESCAPE_MODE = "auto";
    /** Default {@link #SMTP_HOST}: a placeholder to replace. */
    public static final String DEFAULT_SMTP_HOST = "smtp.example.com";
    /** Default {@link #SMTP_PORT}. */
    public static final int DEFAULT_SMTP_PORT = MailerSettings.DEFAULT_SMTP_PORT;
    /** Default {@link #AUTHENTICATION}: most SMTP servers reachable from a mobile network want it. */
    public static final boolean DEFAULT_AUTHENTICATION = true;
    /** Default {@link #SENDER_ADDRESS}: a placeholder to replace. */
    public static final String DEFAULT_SENDER_ADDRESS = "cellmail@example.com";
    /** Default {@link #SEND_DEADLINE} in seconds. */
    public static final long DEFAULT_SEND_DEADLINE_SECONDS = 300;
    /** Default {@link #RETRY_BASE} in seconds. */
    public static final long DEFAULT_RETRY_BASE_SECONDS = 30;
    /** Default {@link #RETRY_CAP} in seconds. */
    public static final long DEFAULT_RETRY_CAP_SECONDS = 1800;
    /** Default {@link #EXPIRY} in hours. */
    public static final long DEFAULT_EXPIRY_HOURS = 24;
    /** Default {@link #MAX_MESSAGES}. */
    public static final int DEFAULT_MAX_MESSAGES = MailServiceSettings.DEFAULT_MAX_MESSAGES;
    /** Default {@link #MAX_BYTES}. */
    public static final long DEFAULT_MAX_BYTES = MailServiceSettings.DEFAULT_MAX_BYTES;
    /** Default {@link #MAX_PER_HOUR}. */
    public static final int DEFAULT_MAX_PER_HOUR = MailServiceSettings.DEFAULT_MAX_PER_HOUR;

    /** A service name goes into thread names and the outbox directory's name. */
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    private MailServiceProperties() {
    }

    /**
     * Maps configuration properties to settings, checking every value.
     *
     * @param properties the configuration; absent or blank properties take their defaults, unknown ones are ignored
     * @param dataArea the directory an empty or relative {@link #OUTBOX_DIRECTORY} is resolved against (the data
     *     area of the configuring bundle), or null when there is none
     * @return the settings
     * @throws IllegalArgumentException naming every invalid property and what it must be; never quoting a password
     */
    public static MailServiceSettings toSettings(Map<String, ?> properties, Path dataArea) {
        Objects.requireNonNull(properties, "properties");
        PropertyReader in = new PropertyReader(properties);
        String name = in.text(NAME, DEFAULT_NAME);
        if (!NAME_PATTERN.matcher(name).matches()) {
            in.problem(NAME, "must be 1 to 64 letters, digits, '.', '_' or '-', not starting with '.', got '"
                    + name + "'");
        }
        int baud = in.integer(BAUD, DEFAULT_BAUD, 1, Integer.MAX_VALUE);
        FlowControl flow = flowControl(in);
        String port = linkUri(in, baud, flow);
        Duration guardTime = Duration.ofMillis(in.number(GUARD_TIME, DEFAULT_GUARD_TIME_MILLIS, 1, 60_000));
        Duration sendDeadline = Duration.ofSeconds(in.number(SEND_DEADLINE, DEFAULT_SEND_DEADLINE_SECONDS, 1, 86_400));
        long retryBase = in.number(RETRY_BASE, DEFAULT_RETRY_BASE_SECONDS, 1, 86_400);
        long retryCap = in.number(RETRY_CAP, DEFAULT_RETRY_CAP_SECONDS, 1, 7 * 86_400L);
        if (retryCap < retryBase) {
            in.problem(RETRY_CAP, "must not be below " + RETRY_BASE + " (" + retryBase + " s), got " + retryCap);
        }
        long expiry = in.number(EXPIRY, DEFAULT_EXPIRY_HOURS, 1, 24 * 365);
        // The queue keeps about half a kilobyte per mail in memory: 10 000 mails stay within a few megabytes.
        int maxMessages = in.integer(MAX_MESSAGES, DEFAULT_MAX_MESSAGES, 1, 10_000);
        // At least room for one large mail; at most what a gateway's flash or SD card sensibly gives an outbox.
        long maxBytes = in.number(MAX_BYTES, DEFAULT_MAX_BYTES, 64L * 1024, 4L * 1024 * 1024 * 1024);
        int maxPerHour = in.integer(MAX_PER_HOUR, DEFAULT_MAX_PER_HOUR, 0, Integer.MAX_VALUE);
        boolean fixedBaud = in.bool(FIXED_BAUD, DEFAULT_FIXED_BAUD);
        EscapeMode escapeMode = escapeMode(in);
        String smtpHost = in.text(SMTP_HOST, DEFAULT_SMTP_HOST);
        int smtpPort = in.integer(SMTP_PORT, DEFAULT_SMTP_PORT, 1, 65535);
        boolean authentication = in.bool(AUTHENTICATION, DEFAULT_AUTHENTICATION);
        String senderAddress = in.text(SENDER_ADDRESS, DEFAULT_SENDER_ADDRESS);
        Path outbox = outboxDirectory(in, name, dataArea);
        MailerSettings.Builder mailer = MailerSettings.builder(port, smtpHost, senderAddress)
                .baud(fixedBaud ? baud : 0)
                .flowControl(flow)
                .guardTime(guardTime)
                .apn(in.text(APN, ""), in.text(APN_USER, ""), in.secret(APN_PASSWORD))
                .smtp(smtpHost, smtpPort)
                .sender(senderAddress, in.text(SENDER_NAME, ""))
                .sendDeadline(sendDeadline)
                .escapeMode(escapeMode)
                .simPin(in.secret(SIM_PIN).strip());
        if (authentication) {
            mailer.authentication(in.text(SMTP_USER, ""), in.secret(SMTP_PASSWORD));
        } else {
            mailer.noAuthentication();
        }
        in.throwIfAnyProblem();
        try {
            return MailServiceSettings.builder(name, mailer.build(), outbox)
                    .retry(Duration.ofSeconds(retryBase), Duration.ofSeconds(retryCap))
                    .expiry(Duration.ofHours(expiry))
                    .bounds(maxMessages, maxBytes)
                    .maxPerHour(maxPerHour)
                    .build();
        } catch (RuntimeException e) {
            // The settings types check what the reader does not (e.g. a blank SMTP host); their messages name the
            // setting and never carry a password.
            throw new IllegalArgumentException("Invalid mail service configuration: " + e.getMessage(), e);
        }
    }

    /**
     * @param properties a configuration
     * @return its {@link #DIALECT}, or {@link #DEFAULT_DIALECT}
     */
    public static String dialect(Map<String, ?> properties) {
        Object value = Objects.requireNonNull(properties, "properties").get(DIALECT);
        String text = value == null ? "" : String.valueOf(value).strip();
        return text.isEmpty() ? DEFAULT_DIALECT : text;
    }

    private static FlowControl flowControl(PropertyReader in) {
        String value = in.text(FLOW_CONTROL, DEFAULT_FLOW_CONTROL).toLowerCase(Locale.ROOT);
        switch (value) {
            case "none":
                return FlowControl.NONE;
            case "rtscts":
            case "rts_cts":
                return FlowControl.RTS_CTS;
            default:
                // XON/XOFF is left out on purpose: the bytes 0x11 and 0x13 of a binary attachment would stall the line.
                in.problem(FLOW_CONTROL, "must be none or rtscts, got '" + value + "'");
                return FlowControl.NONE;
        }
    }

    private static EscapeMode escapeMode(PropertyReader in) {
        String value = in.text(ESCAPE_MODE, DEFAULT_ESCAPE_MODE).toLowerCase(Locale.ROOT);
        switch (value) {
            case "auto":
                return EscapeMode.AUTO;
            case "guarded":
                return EscapeMode.GUARDED;
            case "lenient":
                return EscapeMode.LENIENT;
            default:
                in.problem(ESCAPE_MODE, "must be auto, guarded or lenient, got '" + value + "'");
                return EscapeMode.AUTO;
        }
    }

    /**
     * @return the port URI with the configured rate and flow control in its query, which is what the serial link
     *     opens with; a query that already names them must agree
     */
    private static String linkUri(PropertyReader in, int baud, FlowControl flow) {
        String port = in.text(PORT, DEFAULT_PORT);
        if (port.indexOf(':') < 1 || port.chars().anyMatch(Character::isWhitespace)) {
            in.problem(PORT, "must be a link URI such as serial:/dev/ttyUSB2, tcp://127.0.0.1:4001 or emulator:demo, "
                    + "got '" + port + "'");
            return port;
        }
        String flowName = flow == FlowControl.RTS_CTS ? "rtscts" : "none";
        int question = port.indexOf('?');
        String query = question < 0 ? "" : port.substring(question + 1);
        List<String> added = new ArrayList<>();
        requireAgreement(in, query, "baud", String.valueOf(baud), BAUD, added);
        requireAgreement(in, query, "flow", flowName, FLOW_CONTROL, added);
        if (added.isEmpty()) {
            return port;
        }
        String separator = question < 0 ? "?" : query.isEmpty() ? "" : "&";
        return port + separator + String.join("&", added);
    }

    private static void requireAgreement(PropertyReader in, String query, String key, String expected,
            String property, List<String> added) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(key)) {
                String given = pair.substring(equals + 1);
                if (!given.equalsIgnoreCase(expected)) {
                    in.problem(PORT, "sets " + key + "=" + given + " but " + property + " is " + expected
                            + "; set it in one place only");
                }
                return;
            }
        }
        added.add(key + "=" + expected);
    }

    private static Path outboxDirectory(PropertyReader in, String name, Path dataArea) {
        String configured = in.text(OUTBOX_DIRECTORY, "");
        try {
            Path path = configured.isEmpty() ? Path.of("outbox-" + name) : Path.of(configured);
            if (path.isAbsolute()) {
                return path;
            }
            if (dataArea == null) {
                in.problem(OUTBOX_DIRECTORY, "must be an absolute path: the framework gives no data area to keep '"
                        + path + "' in");
                return path.toAbsolutePath();
            }
            return dataArea.resolve(path);
        } catch (InvalidPathException e) {
            in.problem(OUTBOX_DIRECTORY, "is not a valid path: " + e.getMessage());
            return Path.of("").toAbsolutePath();
        }
    }
}
