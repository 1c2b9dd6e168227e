/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.quectel.GreenMailInbox;
import io.cellmail.quectel.ModemBench;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.MailerSettings.SmtpSecurity;
import io.cellmail.service.spi.MailerSettings.Tls;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * SMTP over TLS from the first byte ({@code ssltype} 1) through the emulated EG25-G to GreenMail's SMTPS server with
 * its own certificate: the operator's CA certificate goes to the module's UFS drive once, the server is verified
 * against it ({@code seclevel} 1), a server another CA signed fails with {@link MailErrorCode#TLS_FAILURE}, and a
 * changed certificate is uploaded again, replacing the old file.
 */
class LteTlsDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(ModemBench.SMTP_USER,
                    ModemBench.SMTP_PASSWORD));

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, ModemBench.SENDER_NAME);
    private String serverCa;
    private String otherCa;
    private ModemBench bench;

    @BeforeEach
    void startBench() throws Exception {
        // GreenMail makes its certificate per server: read it from the running one
        serverCa = CaCertificates.pem(serverCertificate());
        otherCa = CaCertificates.pem(CaCertificates.someOtherAuthority());
        bench = LteBench.create(SMTPS.getSmtps().getPort());
    }

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private MailerSettings settings(Tls tls) {
        return bench.settings().smtp("smtp.example.com", 465).tls(tls).build();
    }

    private static Tls verified(String ca) {
        return new Tls(SmtpSecurity.IMPLICIT_TLS, true, ca, 1);
    }

    private static MailMessage alarm(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("7.9 bar").build();
    }

    private List<String> send(ModemMailer mailer, String subject) {
        return bench.commandsDuring(() -> mailer.send(alarm(subject), SENDER, Duration.ofSeconds(30)));
    }

    @Test
    void shouldDeliverOverTlsVerifyingTheServerAgainstTheUploadedCa() throws Exception {
        ModemMailer mailer = bench.mailer(settings(verified(serverCa)));

        List<String> commands = send(mailer, "over TLS");

        String caFile = caFileOf(commands);
        assertThat(commands).containsSubsequence(
                "AT+QSMTPCFG=\"ssltype\",1",
                "AT+QSMTPCFG=\"sslctxid\",1",
                "AT+QFLST=\"" + caFile + "\"",
                "AT+QFUPL=\"" + caFile + "\"," + serverCa.length() + ",6",
                "AT+QSSLCFG=\"sslversion\",1,4",
                "AT+QSSLCFG=\"ciphersuite\",1,0XFFFF",
                "AT+QSSLCFG=\"seclevel\",1,1",
                "AT+QSSLCFG=\"cacert\",1,\"" + caFile + "\"",
                "AT+QSSLCFG=\"sni\",1,1",
                "AT+QSSLCFG=\"ignorelocaltime\",1,1",
                "AT+QSMTPCFG=\"smtpserver\",\"smtp.example.com\",465",
                "AT+QSMTPPUT=100");
        assertThat(caFile).matches("UFS:ca[0-9a-f]{6}\\.pem");
        assertThat(GreenMailInbox.only(SMTPS).getSubject()).isEqualTo("over TLS");
    }

    @Test
    void shouldFailWithATlsFailureWhenAnotherCaSignedTheServer() {
        ModemMailer mailer = bench.mailer(settings(verified(otherCa)));

        assertThatThrownBy(() -> mailer.send(alarm("wrong CA"), SENDER, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.TLS_FAILURE);
                    assertThat(e.code().isTransient()).as("waits for the operator to correct the CA").isTrue();
                });
        assertThat(SMTPS.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldUploadTheCaOnceKeepItAcrossMailersAndReplaceItWhenItChanges() throws Exception {
        ModemMailer first = bench.mailer(settings(verified(serverCa)));
        List<String> firstMail = send(first, "one");
        List<String> secondMail = send(first, "two");
        first.close();
        // a new mailer starts a new engine and epoch: it asks whether the module still holds the file
        ModemMailer again = bench.mailer(settings(verified(serverCa)));
        List<String> afterRestart = send(again, "three");
        again.close();
        ModemMailer changed = bench.mailer(settings(verified(otherCa)));
        List<String> newCa = bench.commandsDuring(() -> assertThatThrownBy(() -> changed.send(alarm("four"), SENDER,
                Duration.ofSeconds(30))).isInstanceOf(MailException.class));

        String oldFile = caFileOf(firstMail);
        String newFile = caFileOf(newCa);
        assertThat(uploads(firstMail)).hasSize(1);
        assertThat(secondMail).as("held in this epoch: neither listed nor uploaded")
                .noneMatch(c -> c.startsWith("AT+QFLST") || c.startsWith("AT+QFUPL") || c.startsWith("AT+QSSLCFG"));
        assertThat(afterRestart).contains("AT+QFLST=\"" + oldFile + "\"");
        assertThat(uploads(afterRestart)).isEmpty();
        assertThat(newFile).isNotEqualTo(oldFile);
        assertThat(newCa).containsSubsequence("AT+QFLST=\"" + newFile + "\"", "AT+QFDEL=\"" + oldFile + "\"",
                "AT+QFUPL=\"" + newFile + "\"," + otherCa.length() + ",6", "AT+QSSLCFG=\"cacert\",1,\"" + newFile
                        + "\"");
        GreenMailInbox.await(SMTPS, 3);
    }

    @Test
    void shouldAcceptAnyServerOnlyWhenConfiguredNotToVerifyIt() throws Exception {
        ModemMailer mailer = bench.mailer(settings(new Tls(SmtpSecurity.IMPLICIT_TLS, false, "", 2)));

        List<String> commands = send(mailer, "unverified");

        assertThat(commands).contains("AT+QSMTPCFG=\"sslctxid\",2", "AT+QSSLCFG=\"seclevel\",2,0")
                .noneMatch(c -> c.startsWith("AT+QFUPL") || c.contains("cacert"));
        assertThat(GreenMailInbox.only(SMTPS).getSubject()).isEqualTo("unverified");
    }

    private static List<String> uploads(List<String> commands) {
        return commands.stream().filter(c -> c.startsWith("AT+QFUPL")).toList();
    }

    private static String caFileOf(List<String> commands) {
        String upload = commands.stream().filter(c -> c.startsWith("AT+QFLST=\"UFS:ca")).findFirst().orElseThrow();
        return upload.substring("AT+QFLST=\"".length(), upload.lastIndexOf('"'));
    }

    /** @return the certificate the SMTPS server presents, read with a handshake that trusts anything */
    private static X509Certificate serverCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // only the server is looked at
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the test reads the certificate, it does not judge it
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                SMTPS.getSmtps().getPort())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
