/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.karaf;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * cellmail on a booted Apache Karaf 4.4 distribution, as an operator installs it: the features repository added,
 * {@code cellmail-core}, {@code cellmail-console} and {@code cellmail-emulator} installed, an emulated modem and a
 * mail service configured by {@code .cfg} files dropped into {@code etc/} (Karaf's FileInstall), a mail sent at the
 * console with {@code cellmail:send} and received by GreenMail over real SMTP, {@code cellmail:status} read; then
 * the configuration life cycle with {@code cellmail:config} over Karaf's SSH console, logged in with a real SSH client.
 *
 * <p>One Karaf boot for the class. GreenMail runs in this (the driver's) JVM, outside Karaf; the test methods run
 * inside Karaf and read the mail back over GreenMail's POP3 port.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafDistributionIT {

    /** The file names the README tells a Karaf operator to use: FileInstall makes factory configurations of them. */
    static final String MAIL_FILE = "io.cellmail.mail-modem1.cfg";
    static final String EMULATOR_FILE = "io.cellmail.emulator-karaf.cfg";

    private static final String SMTP_ROUTE = "cellmail.itest.karaf.smtp";
    private static final String POP3_PORT = "cellmail.itest.karaf.pop3";
    private static final String RECIPIENT = "ops@example.com";
    private static final String SSH_RECIPIENT = "ssh@example.com";
    private static final long WAIT_MILLIS = TimeUnit.SECONDS.toMillis(60);
    private static final String SSH_PORT = "cellmail.itest.karaf.ssh";
    /** A console user with the admin group's roles, added to etc/users.properties for the SSH login. */
    private static final String SSH_USER = "operator";
    private static final String SSH_LOGIN = "Operator-Login-4417";
    private static final String FILE_PASSWORD = "From-A-File-7730";
    private static final String TYPED_PASSWORD = "Typed-No-Echo-2291";
    private static final String EXEC_PASSWORD = "Over-Exec-5518";

    /** The methods share the class's one Karaf; the first one to run installs and configures cellmail. */
    private static boolean installed;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private FeaturesService features;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] configuration() throws IOException {
        String version = requiredProperty("cellmail.itest.karaf.version");
        String repository = new File(requiredProperty("cellmail.itest.karaf.repository")).toURI().toString();
        String mvnCfg = "etc/org.ops4j.pax.url.mvn.cfg";
        int sshPort = freeLoopbackPort();
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(requiredProperty("cellmail.itest.karaf.distribution")).toURI().toString())
                    .unpackDirectory(new File(requiredProperty("cellmail.itest.karaf.unpack")))
                    .useDeployFolder(false),
            // Karaf's SSH console on a free loopback port, with a user holding the admin group's roles (Karaf 4.4
            // ships its users.properties with every user and group commented out).
            configureConsole().ignoreLocalConsole(),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort)),
            editConfigurationFilePut("etc/users.properties", SSH_USER,
                    SSH_LOGIN + ",admin,manager,viewer,systembundles,ssh"),
            editConfigurationFilePut("etc/system.properties", SSH_PORT, String.valueOf(sshPort)),
            logLevel(LogLevel.WARN),
            // cellmail's INFO lines (the configuration journal) reach data/log/karaf.log, where the test looks for
            // each change and for any password.
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.cellmail.name", "io.cellmail"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.cellmail.level", "INFO"),
            // Awaitility for the test's waits inside Karaf, at the parent pom's version.
            mavenBundle("org.hamcrest", "hamcrest", "2.2"),
            mavenBundle("org.awaitility", "awaitility", "4.3.0"),
            systemTimeout(TimeUnit.MINUTES.toMillis(3)),
            // The build's artifacts and Karaf's own system/ only, then Central: the default list names snapshot
            // repositories that cannot always be reached, and resolving a SNAPSHOT features URL then hangs.
            editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                            + repository + "@id=cellmail.build@snapshots"),
            editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.localRepository",
                    requiredProperty("cellmail.itest.karaf.localRepository")),
            editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.repositories",
                    "https://repo1.maven.org/maven2@id=central"),
            // The features repository as README gives it; installed by the test, not at boot.
            editConfigurationFilePut("etc/system.properties", "cellmail.itest.karaf.features",
                    "mvn:io.cellmail/cellmail-karaf-features/" + version + "/xml/features"),
            editConfigurationFilePut("etc/system.properties", SMTP_ROUTE,
                    "127.0.0.1:" + DriverSmtpServer.smtpPort()),
            editConfigurationFilePut("etc/system.properties", POP3_PORT,
                    String.valueOf(DriverSmtpServer.pop3Port())),
        };
    }

    @Test
    public void shouldDeliverAMailFromAModemConfiguredByACfgFileInEtc() throws Exception {
        installAndConfigure();

        String sent = execute("cellmail:send --service modem1 " + RECIPIENT
                + " \"Karaf alarm\" \"Pump 3 pressure high, sent from Karaf\"");
        assertTrue("cellmail:send reports the delivery: " + sent, sent.contains("Sent ") && sent.contains("modem1"));

        String received = new Pop3Mailbox(Integer.getInteger(POP3_PORT), RECIPIENT).firstMessage();
        assertTrue("GreenMail received the subject: " + received, received.contains("Subject: Karaf alarm"));
        assertTrue("GreenMail received the body: " + received, received.contains("sent from Karaf"));

        String status = execute("cellmail:status");
        assertTrue("cellmail:status lists the service and its delivery: " + status,
                status.contains("modem1") && status.contains("sent 1"));
    }

    /**
     * The configuration life cycle over Karaf's SSH console, with a real SSH client: list, a refused and a live
     * change of the running {@code modem1} (written back to its file in etc/ and used by the next mail), create,
     * export as .cfg and as a Kura fragment, import, delete, and a password from a file and typed without echo on
     * the pty, which appear neither in the SSH session nor in Karaf's log.
     */
    @Test
    public void shouldConfigureTheRunningServiceOverKarafsSshConsole() throws Exception {
        installAndConfigure();
        Path etc = Paths.get(System.getProperty("karaf.etc"));
        Path work = Files.createTempDirectory(Paths.get(System.getProperty("karaf.data")), "ssh-config-");
        Path passwordFile = work.resolve("smtp.pw");
        Files.writeString(passwordFile, FILE_PASSWORD + "\n", StandardCharsets.UTF_8);
        Path exported = work.resolve("io.cellmail.mail-sshmade.cfg");

        String session;
        try (SshConsole ssh = SshConsole.to(Integer.getInteger(SSH_PORT), SSH_USER, SSH_LOGIN);
                SshConsole.Shell shell = ssh.shell()) {
            String listed = shell.run("cellmail:config");
            assertTrue("the list shows modem1 and its port: " + listed,
                    listed.contains("modem1") && listed.contains("emulator:karaf"));

            String refused = shell.run("cellmail:config set modem1 senderAdress=x@example.com");
            assertTrue("an unknown key is refused with the nearest name: " + refused,
                    refused.contains("did you mean senderAddress?"));
            String set = shell.run("cellmail:config set modem1 senderAddress=console@example.com");
            assertTrue("the change is reported as applied live: " + set, set.contains("modem1: senderAddress")
                    && set.contains("-> console@example.com") && set.contains("The running service applies it now"));
            // Karaf's FileInstall writes the change back to the file the configuration came from.
            await().atMost(Duration.ofMillis(WAIT_MILLIS)).until(
                    () -> "console@example.com".equals(setting(etc.resolve(MAIL_FILE), "senderAddress")));
            assertEquals("console@example.com", awaitFactoryConfiguration("io.cellmail.mail", MAIL_FILE)
                    .getProperties().get("senderAddress"));
            String sent = shell.run("cellmail:send --service modem1 " + SSH_RECIPIENT
                    + " \"After the console\" \"sent with the sender set over SSH\"");
            assertTrue("cellmail:send over SSH: " + sent, sent.contains("Sent "));
            String received = await().atMost(Duration.ofMillis(WAIT_MILLIS)).ignoreExceptions()
                    .until(() -> new Pop3Mailbox(Integer.getInteger(POP3_PORT), SSH_RECIPIENT).firstMessage(),
                            message -> message != null);
            assertTrue("the running service sends with the new sender: " + received,
                    received.contains("Subject: After the console")
                            && received.contains("From: console@example.com"));

            String created = shell.run("cellmail:config create sshmade port=emulator:karaf "
                    + "smtpHost=smtp.example.com authentication=false senderAddress=made@example.com");
            assertTrue("created from the factory: " + created,
                    created.contains("Created sshmade (") && created.contains("io.cellmail.mail~sshmade"));
            awaitService("(&(objectClass=io.cellmail.api.CellularMailService)(cellmail.name=sshmade))");
            String export = shell.run("cellmail:config export sshmade -o " + exported);
            String fragment = shell.run("cellmail:config --format kura export sshmade");
            String imported = shell.run("cellmail:config -n sshcopy import " + exported);
            assertTrue("exported: " + export, export.contains("Exported sshmade to " + exported));
            assertEquals("the .cfg file holds the settings", "made@example.com",
                    setting(exported, "senderAddress"));
            assertTrue("the Kura fragment holds the settings: " + fragment,
                    fragment.contains("<esf:value>made@example.com<"));
            assertTrue("imported as a new service: " + imported,
                    imported.contains("created (io.cellmail.mail~sshcopy)"));
            awaitService("(&(objectClass=io.cellmail.api.CellularMailService)(cellmail.name=sshcopy))");
            String deleted = shell.run("cellmail:config delete sshmade");
            shell.run("cellmail:config delete sshcopy");
            assertTrue("deleted: " + deleted, deleted.contains("Deleted sshmade"));
            assertNull("no configuration of sshmade is left",
                    configurationAdmin.listConfigurations("(cellmail.name=sshmade)"));

            String fromFile = shell.run("cellmail:config password modem1 .smtpPassword --file " + passwordFile);
            assertTrue("the password from the file is set: " + fromFile,
                    fromFile.contains("modem1: .smtpPassword set."));
            assertEquals(FILE_PASSWORD, smtpPassword());

            // Typed at the prompt the command shows, with echo off: the pty's terminal is the session's JLine one.
            shell.typeLine("cellmail:config password modem1 .smtpPassword");
            shell.awaitOutput("not shown: ");
            String typed = shell.run(TYPED_PASSWORD);
            assertTrue("the typed password is set: " + typed, typed.contains("modem1: .smtpPassword set."));
            assertEquals("the password typed on the pty reached ConfigAdmin", TYPED_PASSWORD, smtpPassword());
            String shown = shell.run("cellmail:config show modem1");
            assertTrue("show says the password is set: " + shown,
                    shown.matches("(?s).*\\.smtpPassword\\s+SMTP password\\s+set.*"));
            session = shell.output();
        }

        for (String password : List.of(FILE_PASSWORD, TYPED_PASSWORD)) {
            assertFalse("no password in the SSH session's output", session.contains(password));
        }
        Path log = Paths.get(System.getProperty("karaf.log"), "karaf.log");
        await().atMost(Duration.ofMillis(WAIT_MILLIS)).until(() -> Files.readString(log, StandardCharsets.UTF_8)
                .contains("cellmail:config: changed modem1"));
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue("each change is in Karaf's log: " + logged,
                logged.contains("senderAddress gateway@example.com -> console@example.com")
                        && logged.contains("cellmail:config: created sshmade") && logged.contains(".smtpPassword set"));
        for (String password : List.of(FILE_PASSWORD, TYPED_PASSWORD)) {
            assertFalse("no password in Karaf's log", logged.contains(password));
        }
    }

    /**
     * What scripts and remote management do: one command per SSH exec channel ({@code ssh gw 'cellmail:config'}),
     * without a pty. Karaf prints only what a command writes there, so every answer must be written: the list, a
     * service's settings, its status, a refusal and a password set from a file, which never appears.
     */
    @Test
    public void shouldAnswerOverAnSshExecChannel() throws Exception {
        installAndConfigure();
        Path passwordFile = Files.createTempDirectory(Paths.get(System.getProperty("karaf.data")), "ssh-exec-")
                .resolve("smtp.pw");
        Files.writeString(passwordFile, EXEC_PASSWORD + "\n", StandardCharsets.UTF_8);

        try (SshConsole ssh = SshConsole.to(Integer.getInteger(SSH_PORT), SSH_USER, SSH_LOGIN)) {
            SshConsole.Exec password = ssh.exec("cellmail:config password modem1 .smtpPassword --file " + passwordFile);
            SshConsole.Exec listed = ssh.exec("cellmail:config list");
            SshConsole.Exec shown = ssh.exec("cellmail:config show modem1");
            SshConsole.Exec status = ssh.exec("cellmail:status");
            SshConsole.Exec refused = ssh.exec("cellmail:config set modem1 senderAdress=x@example.com");

            assertTrue("the password is set: " + password, password.output().contains("modem1: .smtpPassword set."));
            assertEquals(EXEC_PASSWORD, smtpPassword());
            assertTrue("the list shows modem1 and its port: " + listed,
                    listed.output().contains("modem1") && listed.output().contains("emulator:karaf"));
            assertTrue("show lists the settings, the password only as set: " + shown,
                    shown.output().startsWith("modem1 (")
                            && shown.output().matches("(?s).*\\.smtpPassword\\s+SMTP password\\s+set.*"));
            assertTrue("status shows the service's modem: " + status,
                    status.output().contains("modem1") && status.output().contains("modem "));
            assertTrue("a refusal reaches the operator: " + refused,
                    refused.output().contains("did you mean senderAddress?"));
            for (SshConsole.Exec answer : List.of(password, listed, shown, status, refused)) {
                assertFalse("no password over the exec channel: " + answer, answer.output().contains(EXEC_PASSWORD));
            }
        }
    }

    /** @return the setting as a .cfg file (Java properties) holds it, null when it does not */
    private static String setting(Path file, String key) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties.getProperty(key);
    }

    private Object smtpPassword() throws Exception {
        return awaitFactoryConfiguration("io.cellmail.mail", MAIL_FILE).getProperties().get(".smtpPassword");
    }

    /**
     * What an operator does first, once for the class's Karaf: the features installed from their repository, the
     * emulated modem and the mail service {@code modem1} configured by files in {@code etc/}.
     */
    private void installAndConfigure() throws Exception {
        if (installed) {
            return;
        }
        features.addRepository(URI.create(System.getProperty("cellmail.itest.karaf.features")));
        features.installFeature("cellmail-core");
        features.installFeature("cellmail-console");
        features.installFeature("cellmail-emulator");
        for (String feature : List.of("cellmail-core", "cellmail-console", "cellmail-emulator")) {
            assertTrue(feature + " installed", features.isInstalled(features.getFeature(feature)));
        }

        dropIntoEtc(EMULATOR_FILE, "name=karaf\nsmtpRoute=" + System.getProperty(SMTP_ROUTE) + "\n");
        dropIntoEtc(MAIL_FILE, String.join("\n",
                "cellmail.name=modem1",
                "port=emulator:karaf",
                "smtpHost=smtp.example.com",
                "authentication=false",
                "senderAddress=gateway@example.com",
                ""));

        org.osgi.service.cm.Configuration mail = awaitFactoryConfiguration("io.cellmail.mail", MAIL_FILE);
        assertEquals("modem1", mail.getProperties().get("cellmail.name"));
        awaitService("(&(objectClass=io.cellmail.api.CellularMailService)(cellmail.name=modem1))");
        awaitService("(osgi.command.scope=cellmail)");
        installed = true;
    }

    /** Writes the file beside and moves it in, so FileInstall never reads half of it. */
    private static void dropIntoEtc(String name, String content) throws IOException {
        Path etc = Paths.get(System.getProperty("karaf.etc"));
        Path part = etc.resolve(name + ".part");
        Files.writeString(part, content, StandardCharsets.ISO_8859_1);
        Files.move(part, etc.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private org.osgi.service.cm.Configuration awaitFactoryConfiguration(String factoryPid, String fileName)
            throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String filter = "(&(service.factoryPid=" + factoryPid + ")(felix.fileinstall.filename=*" + fileName + "))";
        while (System.currentTimeMillis() < deadline) {
            org.osgi.service.cm.Configuration[] found = configurationAdmin.listConfigurations(filter);
            if (found != null) {
                assertEquals("one configuration from " + fileName, 1, found.length);
                return found[0];
            }
            // FileInstall polls etc/ every second: wait for its next scan.
            TimeUnit.MILLISECONDS.sleep(200);
        }
        org.osgi.service.cm.Configuration[] all = configurationAdmin.listConfigurations(null);
        throw new AssertionError(fileName + " made no factory configuration of " + factoryPid + " within "
                + WAIT_MILLIS + " ms; configurations: " + describe(all));
    }

    private static String describe(org.osgi.service.cm.Configuration[] configurations) {
        StringBuilder text = new StringBuilder();
        for (org.osgi.service.cm.Configuration configuration : configurations == null
                ? new org.osgi.service.cm.Configuration[0] : configurations) {
            text.append(configuration.getPid()).append(" (factory ").append(configuration.getFactoryPid())
                    .append(") ");
        }
        return text.toString();
    }

    private void awaitService(String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(bundleContext,
                FrameworkUtil.createFilter(filter), null);
        tracker.open(true);
        try {
            assertNotNull("a service " + filter, tracker.waitForService(WAIT_MILLIS));
        } finally {
            tracker.close();
        }
    }

    /** Runs one command in a Karaf shell session, as an operator at the console does; returns what it printed. */
    private String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Object result = session.execute(command);
            // The commands write their answer and return nothing: the pty shell would print a returned value twice.
            assertNull("returned by " + command, result);
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            session.close();
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run through Maven (mvn verify)");
        }
        return value;
    }
}
