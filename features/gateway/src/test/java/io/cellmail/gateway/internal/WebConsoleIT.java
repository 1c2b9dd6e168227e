/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console of {@code ./cellmail-demo --interactive --web-console-port PORT}, as an operator uses it, in
 * Debian's headless Chromium: a mail service instance is created from the configuration form that the Felix Web
 * Console renders from cellmail's metatype, comes up and delivers a mail to the demo's SMTP server, takes a
 * changed setting live, and its password is masked in the form and never sent back. One gateway for the class;
 * the steps run in order, each on what the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String SMTP_PASSWORD = "Wc-s3cret-" + Long.toHexString(System.nanoTime());
    private static final String CONSOLE_URL = "Web console: (http://127\\.0\\.0\\.1:(\\d+)/system/console) \\(user"
            + " (\\w+), password (\\S+) generated for this run, shown only here\\)";
    private static final String INSTANCE_NAME = "web";
    private static final String FACTORY_TITLE = "cellmail mail service";

    private static InteractiveGateway gateway;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String consoleRoot;
    private static String user;
    private static String consolePassword;
    private static int port;
    private static Path screenshots;

    @BeforeAll
    static void startTheGatewayWithItsWebConsoleAndABrowser(@TempDir Path work) throws Exception {
        requireChromium();
        Path conf = Files.createDirectories(work.resolve("conf"));
        // The modem the operator configures a service for: an emulated one named 'web', whose mail the launcher
        // routes to the demo's SMTP server like every emulated modem's.
        Files.writeString(conf.resolve("io.cellmail.emulator-web.cfg"), "name=" + INSTANCE_NAME + "\n");
        port = freePort();
        gateway = InteractiveGateway.start(work.resolve("gateway.txt"), Map.of(), "--conf", conf.toString(),
                "--web-console-port", Integer.toString(port));
        Matcher announced = gateway.awaitOutput(Pattern.compile(CONSOLE_URL), BOUND);
        consoleRoot = announced.group(1);
        user = announced.group(3);
        consolePassword = announced.group(4);
        screenshots = Files.createDirectories(Path.of("target", "webconsole-screenshots"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), new ChromeOptions().setBinary(CHROMIUM.toFile())
                        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                                "--window-size=1280,1500"));
        wait = new WebDriverWait(browser, BOUND);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    @Order(1)
    void shouldListenOnLoopbackOnlyAndRefuseFelixDefaultLogin() throws Exception {
        assertThat(port).as("the port asked for").isEqualTo(Integer.parseInt(consoleRoot.replaceAll(".*:(\\d+)/.*",
                "$1")));
        assertThat(consolePassword).hasSizeGreaterThanOrEqualTo(WebConsoleLogin.MINIMUM_LENGTH).isNotEqualTo("admin");
        assertThat(get("/configMgr", Optional.empty()).statusCode()).as("no login").isEqualTo(401);
        assertThat(get("/configMgr", Optional.of("admin:admin")).statusCode()).as("Felix's default login")
                .isEqualTo(401);
        assertThat(get("/configMgr", Optional.of(user + ":" + consolePassword)).statusCode()).isEqualTo(200);
        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside.get(), port), 2_000);
                fail("the web console answers on " + outside.get() + ", not on 127.0.0.1 only");
            } catch (IOException expected) {
                // refused: nothing listens there
            }
        }
    }

    @Test
    @Order(2)
    void shouldCreateAMailServiceFromTheMetatypeFormThatDeliversMail() throws Exception {
        open("/configMgr");
        WebElement factory = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//tr[contains(@class,'fpid')]/td[normalize-space()='" + FACTORY_TITLE + "']")));
        factory.click();
        WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(field(".smtpPassword")));
        assertThat(password.getAttribute("type")).as("the SMTP password field").isEqualTo("password");
        assertThat(browser.findElement(field(".simPin")).getAttribute("type")).isEqualTo("password");
        assertThat(browser.findElement(field(".apnPassword")).getAttribute("type")).isEqualTo("password");

        type("cellmail.name", INSTANCE_NAME);
        type("port", "emulator:" + INSTANCE_NAME);
        type("smtpHost", "smtp.example.com");
        type("senderAddress", "pump-station@example.com");
        type("senderName", "Pump station 3");
        WebElement authentication = browser.findElement(field("authentication"));
        if (authentication.isSelected()) {
            // The demo's SMTP server takes mail without a login; the password is kept all the same.
            authentication.click();
        }
        type("smtpUser", "alarm@example.com");
        password.clear();
        password.sendKeys(SMTP_PASSWORD);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.cssSelector(".ui-dialog-titlebar")));
        screenshot("web-console-form.png");
        save();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//span[starts-with(normalize-space(), '" + INSTANCE_NAME + ": emulator:" + INSTANCE_NAME + "')]")));
        screenshot("web-console-configurations.png");
        String subject = "Created in the web console";
        gateway.type("cellmail:send --service " + INSTANCE_NAME + " --wait 45 ops@example.com \"" + subject
                + "\" \"Sent through the service created in the web console\"");
        String received = gateway.awaitOutput(receivedMail(subject), BOUND).group();
        assertThat(received).contains("pump-station@example.com").contains("Pump station 3");

        open("/components");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.xpath(
                "//tr[td/a[normalize-space()='io.cellmail.mail'] and td[normalize-space()='active']]"), 2));
        screenshot("web-console-running.png");
    }

    @Test
    @Order(3)
    void shouldApplyAChangedSettingLive() throws Exception {
        openInstance();
        type("senderName", "Pump station 9");
        save();

        String subject = "After a live change";
        gateway.type("cellmail:send --service " + INSTANCE_NAME + " --wait 45 ops@example.com \"" + subject
                + "\" \"The sender name changed in the web console\"");
        assertThat(gateway.awaitOutput(receivedMail(subject), BOUND).group()).contains("Pump station 9");
    }

    @Test
    @Order(4)
    void shouldKeepThePasswordWithoutEverSendingItBack() throws Exception {
        openInstance();
        WebElement password = browser.findElement(field(".smtpPassword"));
        assertThat(password.getAttribute("type")).isEqualTo("password");
        assertThat(password.getAttribute("value")).as("what the form holds for the stored password")
                .isNotEqualTo(SMTP_PASSWORD).isNotEmpty();
        assertThat(browser.getPageSource()).doesNotContain(SMTP_PASSWORD);

        String pid = browser.findElement(By.cssSelector("#editorForm")).getAttribute("action")
                .replaceAll(".*/configMgr/", "");
        assertThat(pid).startsWith("io.cellmail.mail");
        String login = user + ":" + consolePassword;
        // The configuration status names the stored password, masked: it was saved, and is not shown.
        String status = get("/status-Configurations.txt", Optional.of(login)).body();
        assertThat(status).containsPattern("\\.smtpPassword = \\*+").doesNotContain(SMTP_PASSWORD);
        for (String page : List.of("/configMgr", "/configMgr/" + pid + "?post=true", "/configMgr/" + pid,
                "/status-Configurations", "/components", "/components.json", "/services", "/services.json",
                "/status-Services.txt")) {
            HttpResponse<String> response = get(page, Optional.of(login));
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).doesNotContain(SMTP_PASSWORD);
        }
        assertThat(gateway.output()).as("the gateway's console and log").doesNotContain(SMTP_PASSWORD);
    }

    private static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the web console test needs Debian's headless Chromium and its driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver, as .ci/run does");
        }
    }

    /** Opens a page of the console, logged in through the URL (Chromium keeps the login for the page's requests). */
    private static void open(String page) {
        browser.get(consoleRoot.replace("http://", "http://" + user + ":" + consolePassword + "@") + page);
    }

    private static void openInstance() {
        open("/configMgr");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//span[starts-with(normalize-space(), '" + INSTANCE_NAME + ": emulator:" + INSTANCE_NAME + "')]")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(field(".smtpPassword")));
    }

    private static By field(String name) {
        return By.cssSelector("#editorForm [name='" + name + "']");
    }

    private static void type(String name, String value) {
        WebElement element = browser.findElement(field(name));
        element.clear();
        element.sendKeys(value);
    }

    /** Saves the open form; the console reloads its list once ConfigurationAdmin took it. */
    private static void save() {
        WebElement form = browser.findElement(By.id("editorForm"));
        browser.findElement(By.xpath("//div[contains(@class,'ui-dialog-buttonpane')]//button[normalize-space()="
                + "'Save']")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
    }

    private static Pattern receivedMail(String subject) {
        return Pattern.compile("received a mail]\\R(?:  .*\\R)*?  Subject: +" + Pattern.quote(subject)
                + "\\R(?:  .*\\R?)*", Pattern.MULTILINE);
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name), png);
    }

    private static HttpResponse<String> get(String page, Optional<String> login) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(consoleRoot + page)).timeout(BOUND);
        login.ifPresent(credentials -> request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
