/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

import io.cellmail.api.CellularMailService;
import io.cellmail.service.OutboxCounters;
import io.cellmail.service.config.ConfigurationEvents;

/**
 * {@code cellmail:config} against the service's real metatype (read and validated by Felix MetaType) and a store in
 * memory: every setting is checked before anything is written, only what changes is written, and no password ever
 * appears in what the command returns, in the log or in an event.
 */
class ConfigCommandsTest {

    private static final String SMTP_PASSWORD = "Pw-in-Store-93";
    private static final String NEW_PASSWORD = "Fresh-Secret-57";

    private final RecordedOutput session = new RecordedOutput();
    private final ConfigCommands commands = new ConfigCommands(session.output());
    private final InMemoryConfigurations store = new InMemoryConfigurations();
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @TempDir
    Path files;

    @BeforeEach
    void configureModem1() {
        // slf4j-simple writes to System.err as it is when a line is logged: the log is captured.
        originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        Map<String, Object> modem1 = new HashMap<>();
        modem1.put("port", "tcp://127.0.0.1:4000");
        modem1.put("smtpPort", 25);
        modem1.put("smtpUser", "alarm");
        modem1.put(".smtpPassword", SMTP_PASSWORD);
        store.with("modem1", modem1);
        commands.bindConfigurations(store);
        commands.bindEventAdmin(events);
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
        assertThat(log.toString(StandardCharsets.UTF_8)).as("the log").doesNotContain(SMTP_PASSWORD)
                .doesNotContain(NEW_PASSWORD);
        assertThat(events.events).allSatisfy(event -> {
            for (String name : event.getPropertyNames()) {
                assertThat(String.valueOf(event.getProperty(name)) + List.of(asArray(event.getProperty(name))))
                        .doesNotContain(SMTP_PASSWORD).doesNotContain(NEW_PASSWORD);
            }
        });
    }

    @Test
    void shouldRefuseAnUnknownSettingNamingTheNearestValidOne() {
        String out = run("set", "modem1", "smtpPrt=587");

        assertThat(out).contains("unknown setting 'smtpPrt': did you mean smtpPort?");
        assertThat(store.updates).isEmpty();
    }

    @Test
    void shouldRefuseAValueOutOfTheMetatypesRange() {
        String out = run("set", "modem1", "smtpPort=70000");

        assertThat(out).contains("smtpPort: 70000 is refused by the metatype");
        assertThat(store.updates).isEmpty();
    }

    @Test
    void shouldRefuseAValueThatIsNoneOfTheOptions() {
        assertThat(run("set", "modem1", "flowControl=xonxoff")).contains("flowControl: 'xonxoff' is not one of "
                + "none, rtscts");
        assertThat(store.updates).isEmpty();
    }

    @Test
    void shouldRefuseAValueOfTheWrongTypeAndNameEveryProblemAtOnce() {
        String out = run("set", "modem1", "baud=fast", "authentication=yes", "smtpHost=", "smtpPort=587");

        assertThat(out).contains("baud: 'fast' is not a whole number (Integer)")
                .contains("authentication: 'yes' is not true or false")
                .contains("smtpHost is required: it cannot be empty");
        assertThat(store.updates).as("nothing is written while any setting is wrong").isEmpty();
    }

    @Test
    void shouldRefuseAPasswordOnTheCommandLineWithoutRepeatingIt() {
        String exact = run("set", "modem1", ".smtpPassword=" + NEW_PASSWORD);
        String mistyped = run("set", "modem1", "smtpPasword=" + NEW_PASSWORD);

        assertThat(exact).contains(".smtpPassword is a password: set it with cellmail:config password")
                .doesNotContain(NEW_PASSWORD);
        assertThat(mistyped).contains("did you mean .smtpPassword?").doesNotContain(NEW_PASSWORD);
        assertThat(store.updates).isEmpty();
    }

    @Test
    void shouldWriteOnlyTheSettingsThatChangeAndReportThem() {
        String out = run("set", "modem1", "smtpPort=587", "port=tcp://127.0.0.1:4000", "escapeMode=auto");

        assertThat(store.updates).containsExactly(Map.of("smtpPort", 587));
        assertThat(out).startsWith("modem1: smtpPort 25 -> 587. The service is not running now");
        Event event = events.events.get(0);
        assertThat(event.getTopic()).isEqualTo(ConfigurationEvents.CHANGED);
        assertThat((String[]) event.getProperty(ConfigurationEvents.CHANGED_KEYS)).containsExactly("smtpPort");
        assertThat(event.getProperty(ConfigurationEvents.SERVICE_NAME)).isEqualTo("modem1");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("changed modem1").contains("smtpPort 25 -> 587");
    }

    @Test
    void shouldSayTheRunningServiceKeepsItsQueuedMail() {
        FakeMailService modem = new FakeMailService("modem1");
        modem.counters = new OutboxCounters(0, 0, 0, 0, 0, 1, 0, 0);
        Map<String, Object> properties = Map.of(CellularMailService.NAME_PROPERTY, "modem1");
        commands.bindMailService(modem, properties);
        commands.bindCellularMailAdmin(modem, properties);

        assertThat(run("set", "modem1", "smtpHost=mail.example.org")).contains("The running service applies it now; "
                + "its queued mail stays (1 mail waiting)");
        assertThat(answer(() -> commands.config())).contains("modem1").contains("tcp://127.0.0.1:4000")
                .contains("quectel-gsm")
                .contains("READY");
    }

    @Test
    void shouldShowTheSettingsWithMetatypeNamesDefaultsMarkedAndPasswordsOnlyAsSetOrNot() {
        String out = run("show", "modem1");

        assertThat(out).containsPattern("smtpPort\\s+SMTP port\\s+25\n")
                .containsPattern("smtpHost\\s+SMTP server\\s+smtp.example.com  \\(default\\)\n")
                .containsPattern("\\.smtpPassword\\s+SMTP password\\s+set\n")
                .containsPattern("\\.apnPassword\\s+APN password\\s+not set\n")
                .doesNotContain(SMTP_PASSWORD).doesNotContain("****");
    }

    @Test
    void shouldShowTheDialectAndTheLteSettingsWithTheirDefaults() {
        String out = run("show", "modem1");

        assertThat(out).containsPattern("dialect\\s+Dialect\\s+quectel-gsm  \\(default\\)\n")
                .containsPattern("contextId\\s+PDP context\\s+1  \\(default\\)\n")
                .containsPattern("smtpSecurity\\s+SMTP security\\s+none  \\(default\\)\n")
                .containsPattern("verifyServer\\s+Verify the SMTP server\\s+true  \\(default\\)\n")
                .containsPattern("caCertificateFile\\s+CA certificate file\\s+  \\(default\\)\n")
                .containsPattern("sslContextId\\s+SSL context\\s+1  \\(default\\)\n")
                .doesNotContain("mailerFactory.target");
    }

    @Test
    void shouldSwitchToTheLteDialectWithTlsInOneCommandTyped() {
        String out = run("set", "modem1", "dialect=quectel-lte", "smtpSecurity=tls", "smtpPort=465",
                "caCertificateFile=/etc/cellmail/smtp-ca.pem", "verifyServer=true", "contextId=2", "sslContextId=0");

        // verifyServer=true is its default already: only what changes is written.
        assertThat(store.updates).containsExactly(Map.of("dialect", "quectel-lte", "smtpSecurity", "tls",
                "smtpPort", 465, "caCertificateFile", "/etc/cellmail/smtp-ca.pem", "contextId", 2,
                "sslContextId", 0));
        assertThat(out).startsWith("modem1: ").contains("dialect (default) -> quectel-lte")
                .contains("smtpSecurity (default) -> tls");
        assertThat(run("show", "modem1")).containsPattern("dialect\\s+Dialect\\s+quectel-lte\n")
                .containsPattern("caCertificateFile\\s+CA certificate file\\s+/etc/cellmail/smtp-ca.pem\n");
    }

    @Test
    void shouldRefuseADialectSecurityOrContextOutsideTheChoices() {
        String out = run("set", "modem1", "dialect=sim800", "smtpSecurity=ssl", "contextId=17", "sslContextId=6",
                "verifyServer=no");

        assertThat(out).contains("dialect: 'sim800' is not one of quectel-gsm, quectel-lte, auto")
                .contains("smtpSecurity: 'ssl' is not one of none, tls, starttls")
                .contains("contextId: 17 is refused by the metatype")
                .contains("sslContextId: 6 is refused by the metatype")
                .contains("verifyServer: 'no' is not true or false");
        assertThat(store.updates).isEmpty();
    }

    @Test
    void shouldSetAPasswordFromAFileWithoutShowingIt() throws Exception {
        Path file = Files.writeString(files.resolve("smtp.pw"), NEW_PASSWORD + "\n");

        String out = run("password", "modem1", ".smtpPassword", "--file", file.toString());

        assertThat(out).startsWith("modem1: .smtpPassword set.").doesNotContain(NEW_PASSWORD);
        assertThat(store.configurations.get("io.cellmail.mail~modem1")).containsEntry(".smtpPassword", NEW_PASSWORD);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains(".smtpPassword set");
        assertThat((String[]) events.events.get(0).getProperty(ConfigurationEvents.CHANGED_KEYS))
                .containsExactly(".smtpPassword");
    }

    @Test
    void shouldAskForAFileWhenTheSessionHasNoTerminal() {
        String out = run("password", "modem1", ".smtpPassword");

        assertThat(out).contains("no terminal to read the password without echo").contains("--file");
        assertThat(store.updates).isEmpty();
    }

    @Test
    void shouldRefuseToTakeASettingThatIsNoPasswordAsOne() {
        assertThat(run("password", "modem1", "smtpUser", "--file", "x")).contains("smtpUser is no password; the "
                + "passwords are .simPin, .apnPassword, .smtpPassword");
    }

    @Test
    void shouldCreateAServiceFromTheFactoryWithCheckedSettings() {
        String out = run("create", "modem2", "port=serial:/dev/ttyUSB2", "smtpPort=587");

        assertThat(out).startsWith("Created modem2 (io.cellmail.mail~modem2)");
        assertThat(store.configurations.get("io.cellmail.mail~modem2")).containsEntry("smtpPort", 587)
                .containsEntry("port", "serial:/dev/ttyUSB2").containsEntry("cellmail.name", "modem2");
        assertThat(events.events.get(0).getTopic()).isEqualTo(ConfigurationEvents.CREATED);
        assertThat(run("create", "modem2")).contains("is configured already");
    }

    @Test
    void shouldDeleteAServiceAndSayWhatBecomesOfItsQueuedMail() {
        FakeMailService modem = new FakeMailService("modem1");
        modem.counters = new OutboxCounters(0, 0, 0, 0, 0, 2, 0, 0);
        Map<String, Object> properties = Map.of(CellularMailService.NAME_PROPERTY, "modem1");
        commands.bindCellularMailAdmin(modem, properties);
        commands.bindMailService(modem, properties);

        String out = run("delete", "modem1");

        assertThat(store.configurations).isEmpty();
        assertThat(out).contains("Deleted modem1").contains("Its 2 queued mails stay on disk, neither sent nor deleted")
                .contains("outbox-modem1 in the service bundle's data area");
        assertThat(events.events.get(0).getTopic()).isEqualTo(ConfigurationEvents.DELETED);
    }

    @Test
    void shouldRefuseAnUnknownServiceNamingTheNearestOne() {
        assertThat(run("show", "modme1")).contains("no mail service named 'modme1' is configured: did you mean "
                + "modem1?");
    }

    @Test
    void shouldExportAsCfgWithoutPasswordsAndImportItAsANewService() throws Exception {
        Path cfg = files.resolve("io.cellmail.mail-modem1.cfg");

        String exported = run("export", "modem1", "-o", cfg.toString());
        String text = Files.readString(cfg);
        String imported = run("import", cfg.toString(), "--name", "modem9");

        assertThat(exported).contains("Exported modem1 to").contains("passwords left out: .smtpPassword");
        assertThat(text).contains("smtpPort=25").contains("port=tcp://127.0.0.1:4000").doesNotContain(SMTP_PASSWORD)
                .doesNotContain("smtpPassword=");
        assertThat(imported).startsWith("Imported modem9 from ").contains("created (io.cellmail.mail~modem9)");
        Map<String, Object> copy = store.configurations.get("io.cellmail.mail~modem9");
        assertThat(copy).containsEntry("smtpPort", 25).containsEntry("port", "tcp://127.0.0.1:4000")
                .containsEntry("smtpUser", "alarm").doesNotContainKey(".smtpPassword");
    }

    @Test
    void shouldExportAsAKuraSnapshotFragmentAndImportItOntoAnExistingService() throws Exception {
        store.with("modem2", Map.of("port", "tcp://127.0.0.1:5000", "smtpPort", 465));
        Path xml = files.resolve("modem1.xml");

        run("export", "modem1", "--format", "kura", "-o", xml.toString());
        String text = Files.readString(xml);
        String imported = run("import", xml.toString(), "-n", "modem2");

        assertThat(text).contains("<esf:configuration pid=\"modem1\">")
                .contains("name=\"service.factoryPid\" type=\"String\">\n        <esf:value>"
                        + "io.cellmail.kura.CellularMail</esf:value>")
                .contains("name=\"smtpPort\" type=\"Integer\">\n        <esf:value>25</esf:value>")
                .doesNotContain(SMTP_PASSWORD).doesNotContain("Password\"");
        assertThat(imported).contains("Imported modem2").contains("smtpPort 465 -> 25")
                .contains("port tcp://127.0.0.1:5000 -> tcp://127.0.0.1:4000");
        assertThat(store.updates).containsExactly(Map.of("port", "tcp://127.0.0.1:4000", "smtpPort", 25,
                "smtpUser", "alarm", "cellmail.name", "modem2").entrySet().stream()
                .filter(e -> !e.getKey().equals("cellmail.name"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void shouldLeaveOutAPasswordAnImportedFileHolds() throws Exception {
        Path cfg = Files.writeString(files.resolve("hand.cfg"), "cellmail.name=hand\nport=tcp://127.0.0.1:1\n"
                + ".smtpPassword=" + NEW_PASSWORD + "\n");

        String out = run("import", cfg.toString());

        assertThat(out).contains("Passwords not imported (.smtpPassword)").doesNotContain(NEW_PASSWORD);
        assertThat(store.configurations.get("io.cellmail.mail~hand")).doesNotContainKey(".smtpPassword");
    }

    @Test
    void shouldCheckImportedSettingsLikeTypedOnes() throws Exception {
        Path cfg = Files.writeString(files.resolve("bad.cfg"), "cellmail.name=bad\nsmtpPrt=25\nbaud=0\n");

        String out = run("import", cfg.toString());

        assertThat(out).contains("did you mean smtpPort?").contains("baud: 0 is refused by the metatype");
        assertThat(store.configurations).doesNotContainKey("io.cellmail.mail~bad");
    }

    private String run(String action, String... arguments) {
        String file = "";
        String format = "cfg";
        String output = "";
        String name = "";
        List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--file", "-f" -> file = arguments[++i];
                case "--format" -> format = arguments[++i];
                case "-o", "--output" -> output = arguments[++i];
                case "-n", "--name" -> name = arguments[++i];
                default -> rest.add(arguments[i]);
            }
        }
        String[] options = { file, format, output, name };
        String out = answer(() -> commands.config(null, options[0], options[1], options[2], options[3], action,
                rest.toArray(String[]::new)));
        assertThat(out).as("output of " + action).doesNotContain(SMTP_PASSWORD).doesNotContain(NEW_PASSWORD);
        return out;
    }

    private static Object[] asArray(Object value) {
        return value instanceof Object[] array ? array : new Object[] { value };
    }

    /** @return what the command wrote to the session's output */
    private String answer(Runnable command) {
        return session.of(command);
    }
}
