/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.equinox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.kura.crypto.CryptoService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.itests.support.Base64Crypto;
import io.cellmail.itests.support.CellmailTestSupport;
import io.cellmail.itests.support.Configurations;
import io.cellmail.itests.support.ReceivedMail;
import io.cellmail.itests.support.SmtpServer;
import io.cellmail.service.CellularMailAdmin;

/**
 * The Kura front door as Kura itself meets it, on Eclipse Equinox with the OSGi services Kura ships: the factory
 * component's metatype read through the framework's MetaType service and checked against what the Kura web UI needs
 * to render its form; a new instance seeded from those defaults, as Kura seeds one, waiting for its port; and the
 * snapshot fragment of {@code config/kura} applied, as an operator applies it after filling in its EDIT values.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KuraOnEquinoxIT extends CellmailTestSupport {

    private static final String PID = "io.cellmail.kura.CellularMail";
    private static final String KURA_SERVICE_PID = "kura.service.pid";
    private static final String SNAPSHOT_PROPERTY = "cellmail.itest.kura.snapshot";
    private static final String SMTP_LOGIN = "alarm";
    private static final String SMTP_PASSWORD = "snapshot-pw";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    /** The scalar types Kura's configuration service and web UI know; anything else has no form field. */
    private static final Set<Integer> KURA_TYPES = Set.of(AttributeDefinition.STRING, AttributeDefinition.LONG,
            AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT, AttributeDefinition.INTEGER, AttributeDefinition.BYTE,
            AttributeDefinition.CHARACTER, AttributeDefinition.BOOLEAN, AttributeDefinition.SHORT,
            AttributeDefinition.PASSWORD);

    private SmtpServer smtp;
    private CryptoService crypto;
    private ServiceRegistration<CryptoService> cryptoRegistration;

    @Before
    public void startKuraEnvironment() {
        smtp = SmtpServer.start(SMTP_LOGIN + ":" + SMTP_PASSWORD);
        crypto = new Base64Crypto();
        cryptoRegistration = bundleContext.registerService(CryptoService.class, crypto, null);
    }

    @After
    public void stopKuraEnvironment() {
        cryptoRegistration.unregister();
        smtp.close();
    }

    @Test
    public void shouldRunOnEquinoxWithTheOsgiServicesKuraShips() {
        Bundle framework = bundleContext.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        assertThat(framework.getSymbolicName()).isEqualTo("org.eclipse.osgi");
        assertThat(framework.getVersion()).isGreaterThanOrEqualTo(new Version(3, 21, 0));

        assertThat(providerOf(ConfigurationAdmin.class)).isEqualTo("org.eclipse.equinox.cm");
        assertThat(providerOf(MetaTypeService.class)).isEqualTo("org.eclipse.equinox.metatype");
        assertThat(providerOf(EventAdmin.class)).isEqualTo("org.eclipse.equinox.event");
        Bundle scr = bundleContext.getServiceReference(ServiceComponentRuntime.class).getBundle();
        assertThat(scr.getSymbolicName() + " " + scr.getVersion()).isEqualTo("org.apache.felix.scr 2.1.16");
        assertThat(Arrays.stream(bundleContext.getBundles()).map(Bundle::getSymbolicName))
                .as("Felix services left from the platform group").doesNotContain("org.apache.felix.configadmin",
                        "org.apache.felix.metatype", "org.apache.felix.eventadmin", "org.apache.felix.log");
    }

    @Test
    public void shouldDescribeTheKuraComponentSoThatTheKuraWebUiCanRenderItsForm() {
        ObjectClassDefinition form = kuraComponentDefinition();
        assertThat(form.getName()).as("the form's title").isNotBlank();
        assertThat(form.getDescription()).as("the form's description").isNotBlank();
        AttributeDefinition[] attributes = form.getAttributeDefinitions(ObjectClassDefinition.ALL);
        Set<String> required = ids(form.getAttributeDefinitions(ObjectClassDefinition.REQUIRED));

        assertThat(attributes).extracting(AttributeDefinition::getID).doesNotHaveDuplicates();
        for (AttributeDefinition attribute : attributes) {
            String id = attribute.getID();
            assertThat(KURA_TYPES).as("type of " + id).contains(attribute.getType());
            assertThat(attribute.getCardinality()).as("cardinality of " + id + ": one field").isZero();
            assertThat(attribute.getName()).as("label of " + id).isNotBlank();
            assertThat(attribute.getDescription()).as("help text of " + id).isNotBlank();
            String[] defaults = attribute.getDefaultValue();
            assertThat(defaults).as("default of " + id + ", which Kura seeds a new instance with").hasSize(1);
            String value = defaults[0];
            assertThat(attribute.validate(value)).as("the metatype's check of " + id + "'s default").isNullOrEmpty();
            if (required.contains(id)) {
                assertThat(value).as("default of required " + id + ": the seeded form must save as it is")
                        .isNotEmpty();
            }
            if (attribute.getType() == AttributeDefinition.BOOLEAN) {
                assertThat(value).as("default of " + id).isIn("true", "false");
            }
            String[] options = attribute.getOptionValues();
            if (options != null) {
                assertThat(attribute.getOptionLabels()).as("labels of " + id).hasSameSizeAs(options)
                        .allSatisfy(label -> assertThat(label).isNotBlank());
                assertThat(options).as("options of " + id + ": the list box preselects the default").contains(value);
            }
        }
        Map<String, AttributeDefinition> byId = Arrays.stream(attributes)
                .collect(Collectors.toMap(AttributeDefinition::getID, a -> a));
        assertThat(byId.values().stream().filter(a -> a.getType() == AttributeDefinition.PASSWORD)
                .map(AttributeDefinition::getID)).containsExactlyInAnyOrder(".smtpPassword", ".apnPassword", ".simPin");
        assertThat(byId.get("port").getDefaultValue()).as("a new instance is not configured yet").containsExactly("");
        assertThat(required).as("an empty port means not configured yet, not an invalid form").doesNotContain("port");
        assertThat(byId.get("flowControl").getOptionValues()).containsExactly("none", "rtscts");
        assertThat(byId.get("smtpPort").getType()).isEqualTo(AttributeDefinition.INTEGER);
        assertThat(byId.get("smtpPort").validate("0")).as("the form refuses port 0").isNotEmpty();
    }

    @Test
    public void shouldComeUpNotConfiguredFromTheDefaultsKuraSeedsAndStartOnceAPortIsSet() throws Exception {
        await().atMost(DELIVERY).until(() -> atEngineThreads().isEmpty());
        Map<String, Object> seeded = seededAsKuraDoes("NewModem");
        Configuration configuration = configurations().createFactory(PID, seeded);

        CellularMailAdmin admin = service(CellularMailAdmin.class, "(" + KURA_SERVICE_PID + "=NewModem)");
        CellularMailService mail = service(CellularMailService.class, "(" + KURA_SERVICE_PID + "=NewModem)");

        assertThat(mail.serviceStatus().modem()).isEqualTo(ModemState.NOT_CONFIGURED);
        assertThat(admin.configurationProblem()).hasValueSatisfying(p -> assertThat(p).contains("not configured"));
        assertThat(admin.transcript(100)).as("AT lines: no link was opened").isEmpty();
        assertThat(atEngineThreads()).as("AT engine threads: no link was opened").isEmpty();

        Map<String, Object> withPort = new HashMap<>(seeded);
        withPort.put("port", gateway().emulator("emu-new", smtp.hostAndPort()));
        withPort.put("authentication", false);
        withPort.put("guardTime", 150L);
        Configurations.update(configuration, withPort);

        await().atMost(DELIVERY).until(() -> mail.serviceStatus().modem() != ModemState.NOT_CONFIGURED);
        mail.send(mail("first alarm")).toCompletableFuture().get(DELIVERY.toSeconds(), TimeUnit.SECONDS);
        assertThat(smtp.awaitMails(1, DELIVERY)).extracting(ReceivedMail::subject).containsExactly("first alarm");
    }

    @Test
    public void shouldBringUpTheServiceFromTheKuraSnapshotOnceItsEditValuesAreFilledIn() throws Exception {
        KuraSnapshot snapshot = KuraSnapshot.read(Path.of(System.getProperty(SNAPSHOT_PROPERTY)));
        assertThat(snapshot.pids()).containsExactly("cellmail-modem1");
        // The module reaches the SMTP server the configuration names: no route set on the emulator.
        String port = gateway().emulator("emu-snapshot", null);
        Map<String, String> edits = Map.of("port", port, "smtpHost", "127.0.0.1",
                "smtpPort", String.valueOf(smtp.port()), "smtpUser", SMTP_LOGIN, ".smtpPassword", SMTP_PASSWORD);
        Map<String, Object> properties = snapshot.properties("cellmail-modem1", edits, crypto);
        assertThat(properties.get(".smtpPassword")).as("stored encrypted").isNotEqualTo(SMTP_PASSWORD);

        applyAsKuraDoes(properties);

        CellularMailService service = service(CellularMailService.class,
                "(" + KURA_SERVICE_PID + "=cellmail-modem1)");
        service.send(mail("from the snapshot")).toCompletableFuture().get(DELIVERY.toSeconds(), TimeUnit.SECONDS);
        assertThat(smtp.awaitMails(1, DELIVERY)).singleElement().satisfies(received -> {
            assertThat(received.subject()).isEqualTo("from the snapshot");
            assertThat(received.from()).contains("gateway@example.com");
        });
    }

    @Test
    public void shouldLeaveAnUneditedSnapshotNotConfigured() throws Exception {
        KuraSnapshot snapshot = KuraSnapshot.read(Path.of(System.getProperty(SNAPSHOT_PROPERTY)));

        applyAsKuraDoes(snapshot.properties("cellmail-modem1", Map.of(), crypto));

        String instance = "(" + KURA_SERVICE_PID + "=cellmail-modem1)";
        assertThat(service(CellularMailService.class, instance).serviceStatus().modem())
                .isEqualTo(ModemState.NOT_CONFIGURED);
        assertThat(service(CellularMailAdmin.class, instance).transcript(100)).isEmpty();
    }

    /** A factory instance as Kura creates it from a snapshot: ConfigAdmin gives the factory PID itself. */
    private void applyAsKuraDoes(Map<String, Object> snapshotProperties) throws Exception {
        Map<String, Object> properties = new HashMap<>(snapshotProperties);
        String factoryPid = (String) properties.remove(ConfigurationAdmin.SERVICE_FACTORYPID);
        assertThat(factoryPid).isEqualTo(PID);
        configurations().createFactory(factoryPid, properties);
    }

    /** @return what Kura stores for a new instance the operator named: every attribute's default, typed */
    private Map<String, Object> seededAsKuraDoes(String kuraPid) {
        Map<String, Object> properties = new HashMap<>();
        for (AttributeDefinition attribute : kuraComponentDefinition()
                .getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (attribute.getDefaultValue() == null) {
                continue; // the metatype refused the default; Kura seeds nothing, Declarative Services' default counts
            }
            String value = attribute.getDefaultValue()[0];
            properties.put(attribute.getID(), switch (attribute.getType()) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(value);
                case AttributeDefinition.LONG -> Long.valueOf(value);
                case AttributeDefinition.BOOLEAN -> Boolean.valueOf(value);
                case AttributeDefinition.PASSWORD -> Base64Crypto.encrypt(value);
                default -> value;
            });
        }
        properties.put(KURA_SERVICE_PID, kuraPid);
        return properties;
    }

    /** @return the form Kura's configuration service reads: the factory PID's definition, through MetaType */
    private ObjectClassDefinition kuraComponentDefinition() {
        Bundle kura = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "io.cellmail.kura".equals(b.getSymbolicName())).findFirst().orElseThrow();
        MetaTypeInformation information = service(MetaTypeService.class).getMetaTypeInformation(kura);
        assertThat(information.getFactoryPids()).contains(PID);
        return information.getObjectClassDefinition(PID, null);
    }

    private String providerOf(Class<?> serviceType) {
        return bundleContext.getServiceReference(serviceType).getBundle().getSymbolicName();
    }

    private static Set<String> ids(AttributeDefinition[] attributes) {
        return attributes == null ? Set.of()
                : Arrays.stream(attributes).map(AttributeDefinition::getID).collect(Collectors.toCollection(HashSet::new));
    }

    private static List<String> atEngineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("cellmail-at-")).collect(Collectors.toList());
    }

    private static MailMessage mail(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("body of " + subject).build();
    }
}
