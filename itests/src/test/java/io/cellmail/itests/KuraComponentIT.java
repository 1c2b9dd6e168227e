/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.felix.service.command.CommandProcessor;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.configuration.ConfigurationService;
import org.eclipse.kura.configuration.Password;
import org.eclipse.kura.crypto.CryptoService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Namespace;
import org.osgi.service.cm.Configuration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailMessage;
import io.cellmail.itests.support.Base64Crypto;
import io.cellmail.itests.support.CellmailTestSupport;
import io.cellmail.itests.support.Configurations;
import io.cellmail.itests.support.EventRecorder;
import io.cellmail.itests.support.GogoConsole;
import io.cellmail.itests.support.KuraConfigurationServiceStandIn;
import io.cellmail.itests.support.ReceivedMail;
import io.cellmail.itests.support.SmtpServer;
import io.cellmail.itests.support.TestGateway;
import io.cellmail.service.CellularMailAdmin;

/**
 * The Kura path: with the test-only Kura API subset standing in for Kura's API bundle and a test CryptoService, a
 * factory configuration of {@value #PID} (as Kura writes it when the operator adds an instance) brings up a
 * ConfigurableComponent that is also a CellularMailService, its metatype obeys Kura's rules, and the Password
 * attribute is decrypted before it is used for SMTP AUTH. With a stand-in for Kura's ConfigurationService,
 * {@code cellmail:config} works on the Kura instances through it, passwords encrypted with the CryptoService.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KuraComponentIT extends CellmailTestSupport {

    private static final String PID = "io.cellmail.kura.CellularMail";
    private static final String KURA_BUNDLE = "io.cellmail.kura";
    private static final String KURA_SERVICE_PID = "kura.service.pid";
    private static final String SMTP_LOGIN = "alarm";
    private static final String SMTP_PASSWORD = "s3cret-pw";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private SmtpServer smtp;
    private EventRecorder events;
    private ServiceRegistration<CryptoService> crypto;

    @Before
    public void startKuraEnvironment() {
        smtp = SmtpServer.start(SMTP_LOGIN + ":" + SMTP_PASSWORD);
        events = EventRecorder.register(bundleContext);
        crypto = bundleContext.registerService(CryptoService.class, new Base64Crypto(), null);
    }

    @After
    public void stopKuraEnvironment() {
        crypto.unregister();
        events.close();
        smtp.close();
    }

    @Test
    public void shouldRegisterAKuraInstanceAsConfigurableComponentAndCellularMailService() throws Exception {
        kuraInstance("AlarmModem", "kura-alarm", gateway().emulator("emu-kura-reg", smtp.hostAndPort()), false, "");

        ServiceReference<ConfigurableComponent> reference = awaitReference(ConfigurableComponent.class,
                "(" + KURA_SERVICE_PID + "=AlarmModem)");
        Object component = bundleContext.getService(reference);

        // The test sees ConfigurableComponent through the API bundle, as Kura's configuration service would: the
        // instanceof checks pass only if io.cellmail.kura imports the interface instead of carrying a copy.
        assertThat(FrameworkUtil.getBundle(ConfigurableComponent.class).getSymbolicName())
                .isEqualTo("io.cellmail.itests.kura-api-subset");
        assertThat(component).isInstanceOf(ConfigurableComponent.class).isInstanceOf(CellularMailService.class)
                .isInstanceOf(CellularMailAdmin.class);
        assertThat(reference.getProperty("service.factoryPid")).isEqualTo(PID);
        assertThat(reference.getProperty(CellularMailService.NAME_PROPERTY)).isEqualTo("kura-alarm");
        assertThat(reference.getPropertyKeys()).doesNotContain(".smtpPassword",
                ".apnPassword");
    }

    @Test
    public void shouldDeclareAMetatypeThatFollowsEveryRuleOfKura() throws Exception {
        Bundle kura = bundle(KURA_BUNDLE);
        String file = "OSGI-INF/metatype/" + PID + ".xml";
        URL entry = kura.getEntry(file);
        assertThat(entry).as(file + " in the built bundle").isNotNull();
        Document metatype = parse(entry);

        Element root = metatype.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("MetaData");
        assertThat(metatypeVersion(root.getNamespaceURI())).isGreaterThanOrEqualTo(120);
        assertThat(descendants(root)).allSatisfy(element -> {
            assertThat(element.getPrefix()).as("prefix of " + element.getTagName()).isNull();
            assertThat(element.getNamespaceURI()).as("namespace of " + element.getTagName()).isNull();
        });
        Element ocd = single(root, "OCD");
        Element designate = single(root, "Designate");
        assertThat(ocd.getAttribute("id")).isEqualTo(PID);
        assertThat(designate.getAttribute("pid")).isEqualTo(PID);
        assertThat(designate.getAttribute("factoryPid")).isEqualTo(PID);
        assertThat(single(designate, "Object").getAttribute("ocdref")).isEqualTo(PID);
        assertThat(service(ServiceComponentRuntime.class).getComponentDescriptionDTO(kura, PID))
                .as("the DS component named " + PID).isNotNull();
        assertThat(elements(ocd, "AD")).isNotEmpty().allSatisfy(ad ->
                assertThat(ad.hasAttribute("default")).as("default of " + ad.getAttribute("id")).isTrue());

        // The standard MetaType service, which Kura asks first, reads the same file the same way.
        MetaTypeInformation information = service(MetaTypeService.class).getMetaTypeInformation(kura);
        assertThat(information.getFactoryPids()).contains(PID);
        ObjectClassDefinition definition = information.getObjectClassDefinition(PID, null);
        List<String> passwords = new ArrayList<>();
        for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            assertThat(attribute.getDefaultValue()).as("default of " + attribute.getID()).isNotNull();
            if (attribute.getType() == AttributeDefinition.PASSWORD) {
                passwords.add(attribute.getID());
            }
        }
        assertThat(passwords).containsExactlyInAnyOrderElementsOf(Set.of(".smtpPassword", ".apnPassword", ".simPin"));
    }

    @Test
    public void shouldImportTheKuraApiAtItsKura5VersionsAndNeverCarryIt() {
        Bundle kura = bundle(KURA_BUNDLE);
        Map<String, String> imports = new HashMap<>();
        for (BundleRequirement requirement : kura.adapt(BundleRevision.class)
                .getDeclaredRequirements(BundleRevision.PACKAGE_NAMESPACE)) {
            String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            Matcher name = Pattern.compile("\\(osgi.wiring.package=([^)]*)\\)").matcher(filter);
            if (name.find()) {
                imports.put(name.group(1), filter);
            }
        }

        assertThat(imports.get("org.eclipse.kura")).contains("(version>=1.6.0)").contains("(!(version>=2.0.0))");
        assertThat(imports.get("org.eclipse.kura.configuration")).contains("(version>=1.2.0)")
                .contains("(!(version>=2.0.0))");
        assertThat(imports.get("org.eclipse.kura.crypto")).contains("(version>=1.3.0)").contains("(!(version>=2.0.0))");
        assertThat(kura.findEntries("org/eclipse/kura", "*.class", true)).as("Kura API classes inside the bundle")
                .isNull();
    }

    @Test
    public void shouldDecryptThePasswordAndUseItForSmtpAuthentication() throws Exception {
        Configuration configuration = kuraInstance("AuthModem", "kura-auth",
                gateway().emulator("emu-kura-auth", smtp.hostAndPort()), true, Base64Crypto.encrypt(SMTP_PASSWORD));
        CellularMailService service = mailService("kura-auth");

        service.send(mail("authenticated")).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(smtp.awaitMails(1, DELIVERY)).extracting(ReceivedMail::subject).containsExactly("authenticated");

        // Kura's web UI sends its placeholder for an untouched password field: the password in use stays.
        Map<String, Object> changed = kuraProperties("AuthModem", "kura-auth",
                gateway().emulator("emu-kura-auth2", smtp.hostAndPort()), true, "Placeholder");
        Configurations.update(configuration, changed);
        mailService("kura-auth").send(mail("after an update")).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(smtp.awaitMails(2, DELIVERY)).extracting(ReceivedMail::subject)
                .containsExactly("authenticated", "after an update");
    }

    @Test
    public void shouldNotDeliverWhenTheDecryptedPasswordIsWrong() throws Exception {
        kuraInstance("WrongModem", "kura-wrong", gateway().emulator("emu-kura-wrong", smtp.hostAndPort()), true,
                Base64Crypto.encrypt("not-the-password"));
        MailMessage mail = mail("must be refused");

        mailService("kura-wrong").send(mail);

        List<String> topics = events.awaitAny(mail.id(), List.of(MailEvents.RETRYING, MailEvents.FAILED), DELIVERY);
        assertThat(topics).doesNotContain(MailEvents.SENT);
        assertThat(smtp.mails()).isEmpty();
    }

    @Test
    public void shouldConfigureKuraInstancesFromTheConsoleThroughKurasConfigurationService() throws Exception {
        KuraConfigurationServiceStandIn kuraConfiguration = new KuraConfigurationServiceStandIn();
        ServiceRegistration<ConfigurationService> registration = bundleContext.registerService(
                ConfigurationService.class, kuraConfiguration, null);
        try {
            // The Kura bundle's store (ranking 100) now runs beside ConfigAdmin's (0); the console takes the best.
            await().atMost(DELIVERY).untilAsserted(() -> assertThat(gogo("cellmail:config"))
                    .contains("(Kura ConfigurationService, factory PID " + PID + ")"));
            Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "kura", ".pw");
            Files.writeString(file, SMTP_PASSWORD + "\n");

            String created = gogo("cellmail:config create kmodem port=tcp://127.0.0.1:9 smtpUser=alarm");
            String set = gogo("cellmail:config password kmodem .smtpPassword --file " + file);
            String shown = gogo("cellmail:config show kmodem");

            assertThat(created).contains("Created kmodem (kmodem)");
            assertThat(set).contains("kmodem: .smtpPassword set.");
            assertThat(shown).containsPattern("\\.smtpPassword\\s+SMTP password\\s+set\n");
            Map<String, Object> stored = kuraConfiguration.configuration("kmodem");
            assertThat(stored).containsEntry("service.factoryPid", PID).containsEntry("port", "tcp://127.0.0.1:9")
                    .containsEntry("smtpUser", "alarm");
            assertThat(stored.get(".smtpPassword")).as("encrypted with Kura's CryptoService")
                    .isInstanceOf(Password.class).hasToString(Base64Crypto.encrypt(SMTP_PASSWORD));
            assertThat(kuraConfiguration.snapshots()).isEqualTo(2);
        } finally {
            registration.unregister();
        }
    }

    /** Runs a console command as an operator does; fails the test if the answer shows a password. */
    private String gogo(String command) throws Exception {
        return GogoConsole.run(service(CommandProcessor.class), command, SMTP_PASSWORD);
    }

    private Configuration kuraInstance(String kuraPid, String name, String link, boolean authentication,
            String encryptedPassword) throws Exception {
        return configurations().createFactory(PID, kuraProperties(kuraPid, name, link, authentication,
                encryptedPassword));
    }

    /** The properties Kura writes: every attribute the operator set, the password encrypted, plus its own. */
    private static Map<String, Object> kuraProperties(String kuraPid, String name, String link,
            boolean authentication, String encryptedPassword) {
        Map<String, Object> properties = TestGateway.mailServiceProperties(name, link);
        properties.put(KURA_SERVICE_PID, kuraPid);
        properties.put("authentication", authentication);
        properties.put("smtpUser", authentication ? SMTP_LOGIN : "");
        properties.put(".smtpPassword", encryptedPassword);
        properties.put(".apnPassword", "");
        return properties;
    }

    private CellularMailService mailService(String name) {
        return service(CellularMailService.class, "(" + CellularMailService.NAME_PROPERTY + "=" + name + ")");
    }

    private <T> ServiceReference<T> awaitReference(Class<T> type, String filter) throws Exception {
        service(type, filter);
        return bundleContext.getServiceReferences(type, filter).iterator().next();
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("No bundle " + symbolicName));
    }

    private static MailMessage mail(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("body of " + subject).build();
    }

    private static Document parse(URL entry) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = entry.openStream()) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    /** @return e.g. 120 for http://www.osgi.org/xmlns/metatype/v1.2.0 */
    private static int metatypeVersion(String namespace) {
        String prefix = "http://www.osgi.org/xmlns/metatype/v";
        assertThat(namespace).startsWith(prefix);
        return Integer.parseInt(namespace.substring(prefix.length()).replace(".", ""));
    }

    private static List<Element> descendants(Element root) {
        List<Element> result = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            result.add((Element) all.item(i));
        }
        return result;
    }

    private static List<Element> elements(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Element element : descendants(parent)) {
            if (localName.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static Element single(Element parent, String localName) {
        List<Element> found = elements(parent, localName);
        assertThat(found).as(localName + " elements").hasSize(1);
        return found.get(0);
    }
}
