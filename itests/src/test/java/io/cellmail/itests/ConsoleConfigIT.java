/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailMessage;
import io.cellmail.itests.support.CellmailTestSupport;
import io.cellmail.itests.support.EventRecorder;
import io.cellmail.itests.support.FreePort;
import io.cellmail.itests.support.GogoConsole;
import io.cellmail.itests.support.ReceivedMail;
import io.cellmail.itests.support.Services;
import io.cellmail.itests.support.SmtpServer;
import io.cellmail.itests.support.TestGateway;
import io.cellmail.service.config.ConfigurationEvents;

/**
 * {@code cellmail:config} typed into the real Gogo runtime of a Felix with ConfigAdmin and MetaType (and, in
 * itests/equinox, of an Equinox with Equinox ConfigAdmin and Metatype, as Kura runs): a change
 * reconfigures the running service while its mail waits, create and delete go through the factory, an export
 * imports back as the same configuration, and a password read from a file reaches the SMTP login but never the
 * output, the log or an event.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleConfigIT extends CellmailTestSupport {

    private static final String SMTP_PASSWORD = "File-Secret-8812";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private SmtpServer smtp;
    private EventRecorder mailEvents;
    private final List<Event> configEvents = new CopyOnWriteArrayList<>();
    private ServiceRegistration<EventHandler> configHandler;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        // The journal's lines are INFO: logged here (by Pax Logging's own log, which Pax Exam installs), so the test
        // can check that no password reaches them.
        return options(baseConfiguration(),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("INFO"));
    }

    @Before
    @SuppressWarnings("JdkObsolete") // registerService takes a Dictionary
    public void listen() {
        smtp = SmtpServer.start("alarm:" + SMTP_PASSWORD);
        mailEvents = EventRecorder.register(bundleContext);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, ConfigurationEvents.TOPIC_ALL);
        configHandler = bundleContext.registerService(EventHandler.class, configEvents::add, properties);
        service(Object.class, "(&(osgi.command.scope=cellmail)(osgi.command.function=config))");
    }

    @After
    public void stopListening() {
        configHandler.unregister();
        mailEvents.close();
        smtp.close();
    }

    @Test
    public void shouldReconfigureTheRunningServiceLiveAndKeepItsQueuedMail() throws Exception {
        String link = gateway().emulator("emu-live", null);
        Map<String, Object> properties = TestGateway.mailServiceProperties("live", link);
        properties.put("smtpHost", "127.0.0.1");
        properties.put("smtpPort", FreePort.onLoopback());
        Configuration configuration = gateway().mailService(properties);
        CellularMailService service = service(CellularMailService.class, "(cellmail.name=live)");
        MailMessage mail = MailMessage.builder().to("ops@example.com").subject("Waiting for the console")
                .body("sent once the operator set the port").build();
        service.send(mail);
        mailEvents.await(mail.id(), MailEvents.RETRYING, DELIVERY);

        String refused = run("cellmail:config set live smtpPrt=" + smtp.port());
        // The range is the metatype's own validate (Felix's or Equinox's, whose wording differs in the parentheses).
        String outOfRange = run("cellmail:config set live smtpPort=70000");
        String output = run("cellmail:config set live smtpPort=" + smtp.port());

        assertThat(refused).contains("did you mean smtpPort?");
        assertThat(outOfRange).contains("smtpPort: 70000 is refused by the metatype (").doesNotContain("live: ");
        assertThat(output).contains("live: smtpPort").contains("-> " + smtp.port())
                .contains("The running service applies it now; its queued mail stays");
        assertThat(smtp.awaitMails(1, DELIVERY)).extracting(ReceivedMail::subject)
                .containsExactly("Waiting for the console");
        assertThat(mailEvents.await(mail.id(), MailEvents.SENT, DELIVERY))
                .doesNotContain(MailEvents.FAILED, MailEvents.CANCELLED);
        Dictionary<String, Object> stored = configuration.getProperties();
        assertThat(stored.get("smtpPort")).isEqualTo(smtp.port());
        assertThat(stored.get("guardTime")).as("untouched settings stay as they were").isEqualTo(150L);
        assertThat(configEvents).singleElement().satisfies(event -> {
            assertThat(event.getTopic()).isEqualTo(ConfigurationEvents.CHANGED);
            assertThat((String[]) event.getProperty(ConfigurationEvents.CHANGED_KEYS)).containsExactly("smtpPort");
        });
    }

    @Test
    public void shouldCreateAServiceFromTheFactoryAndDeleteIt() throws Exception {
        String link = gateway().emulator("emu-made", smtp.hostAndPort());

        String created = run("cellmail:config create made port=" + link + " smtpHost=127.0.0.1 authentication=false "
                + "senderAddress=gateway@example.com guardTime=150 retryBase=1 retryCap=2");
        CellularMailService service = service(CellularMailService.class, "(cellmail.name=made)");
        service.send(MailMessage.builder().to("ops@example.com").subject("From a console-made service")
                .body("created by cellmail:config").build()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        String listed = run("cellmail:config");
        String deleted = run("cellmail:config delete made");

        assertThat(created).contains("Created made (").contains("port=" + link)
                .contains("io.cellmail.mail~made");
        assertThat(listed).contains("made").contains(link).contains("quectel-gsm");
        assertThat(deleted).contains("Deleted made").contains("the service stops")
                .contains("Its outbox held no mail waiting");
        await().atMost(DELIVERY).until(() -> Services.count(bundleContext, CellularMailService.class,
                "(cellmail.name=made)") == 0);
        assertThat(configEvents).extracting(Event::getTopic).containsExactly(ConfigurationEvents.CREATED,
                ConfigurationEvents.DELETED);
    }

    @Test
    public void shouldExportAndImportAConfigurationAsCfgAndAsKuraSnapshot() throws Exception {
        String link = gateway().emulator("emu-export", smtp.hostAndPort());
        Map<String, Object> properties = TestGateway.mailServiceProperties("source", link);
        properties.put(".smtpPassword", SMTP_PASSWORD);
        gateway().mailService(properties);
        service(CellularMailService.class, "(cellmail.name=source)");
        Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "export-");
        Path cfg = directory.resolve("io.cellmail.mail-source.cfg");
        Path xml = directory.resolve("source.xml");

        run("cellmail:config export source -o " + cfg);
        run("cellmail:config --format kura export source -o " + xml);
        String fromCfg = run("cellmail:config -n copycfg import " + cfg);
        String fromKura = run("cellmail:config -n copykura import " + xml);

        assertThat(Files.readString(cfg)).doesNotContain(SMTP_PASSWORD).contains("port=" + link);
        assertThat(Files.readString(xml)).doesNotContain(SMTP_PASSWORD).contains("<esf:value>" + link + "<");
        assertThat(fromCfg).contains("created (io.cellmail.mail~copycfg)");
        assertThat(fromKura).contains("created (io.cellmail.mail~copykura)");
        Map<String, Object> source = withoutName(configurationOf("source"));
        source.remove(".smtpPassword");
        assertThat(withoutName(configurationOf("copycfg"))).isEqualTo(source);
        assertThat(withoutName(configurationOf("copykura"))).isEqualTo(source);
        run("cellmail:config delete copycfg");
        run("cellmail:config delete copykura");
    }

    @Test
    public void shouldTakeThePasswordFromAFileAndShowItNowhere() throws Exception {
        String link = gateway().emulator("emu-pw", smtp.hostAndPort());
        Map<String, Object> properties = TestGateway.mailServiceProperties("pwd", link);
        properties.put("authentication", true);
        properties.put("smtpUser", "alarm");
        gateway().mailService(properties);
        CellularMailService service = service(CellularMailService.class, "(cellmail.name=pwd)");
        Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "smtp", ".pw");
        Files.writeString(file, SMTP_PASSWORD + "\n");

        // Pax Logging (installed by Pax Exam) writes the journal's INFO line to System.out, which Gogo hands to the
        // session of the command's thread: the log line is part of what run() checks for the password.
        String set = run("cellmail:config password pwd .smtpPassword --file " + file);
        String shown = run("cellmail:config show pwd");
        service.send(MailMessage.builder().to("ops@example.com").subject("Logged in with the file's password")
                .body("AUTH").build()).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(set).contains("pwd: .smtpPassword set.").contains("INFO : cellmail:config: changed pwd (")
                .contains("): .smtpPassword set");
        assertThat(shown).containsPattern("\\.smtpPassword\\s+SMTP password\\s+set\n");
        assertThat(smtp.awaitMails(1, DELIVERY)).extracting(ReceivedMail::subject)
                .containsExactly("Logged in with the file's password");
        assertThat(configEvents).singleElement().satisfies(event -> {
            for (String name : event.getPropertyNames()) {
                Object value = event.getProperty(name);
                String text = value instanceof String[] array ? String.join(",", array) : String.valueOf(value);
                assertThat(text).doesNotContain(SMTP_PASSWORD);
            }
        });
    }

    private Map<String, Object> configurationOf(String name) throws Exception {
        Configuration[] found = service(ConfigurationAdmin.class).listConfigurations("(cellmail.name=" + name + ")");
        assertThat(found).as("the configuration of " + name).hasSize(1);
        Dictionary<String, Object> properties = found[0].getProperties();
        Map<String, Object> map = new java.util.TreeMap<>();
        for (String key : Collections.list(properties.keys())) {
            if (!key.startsWith("service.")) {
                // Typed values compare by their text: a .cfg file gives text, the metatype types it on import.
                map.put(key, String.valueOf(properties.get(key)));
            }
        }
        return map;
    }

    private static Map<String, Object> withoutName(Map<String, Object> properties) {
        properties.remove("cellmail.name");
        return properties;
    }

    /** Runs a console command as an operator does; fails the test if the answer shows a password. */
    private String run(String command) throws Exception {
        return GogoConsole.run(service(CommandProcessor.class), command, SMTP_PASSWORD);
    }
}
