/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
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
 * console with {@code cellmail:send} and received by GreenMail over real SMTP, {@code cellmail:status} read.
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
    private static final long WAIT_MILLIS = TimeUnit.SECONDS.toMillis(60);

    @Inject
    private BundleContext bundleContext;

    @Inject
    private FeaturesService features;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] configuration() {
        String version = requiredProperty("cellmail.itest.karaf.version");
        String repository = new File(requiredProperty("cellmail.itest.karaf.repository")).toURI().toString();
        String mvnCfg = "etc/org.ops4j.pax.url.mvn.cfg";
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(requiredProperty("cellmail.itest.karaf.distribution")).toURI().toString())
                    .unpackDirectory(new File(requiredProperty("cellmail.itest.karaf.unpack")))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
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
            return bytes.toString(StandardCharsets.UTF_8) + (result == null ? "" : result);
        } finally {
            session.close();
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
