/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * LTE TLS: {@code AT+QSSLCFG} and {@code "ssltype"} 1 against a real SMTPS server (GreenMail, its own
 * self-signed certificate): delivered when the CA file holds that certificate or with seclevel 0, refused with the
 * TLS {@code <err>} when the CA is another one or missing.
 */
class LteTlsTest {

    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("user@example.com", "secret"));

    private ModemEmulator modem;
    private HostConsole host;

    @BeforeEach
    void startModem() {
        modem = ModemEmulator.create(EmulatorSettings.builder().personality(Personality.EG25G).build());
        host = HostConsole.connectQuiet(modem);
    }

    @AfterEach
    void stopModem() throws InterruptedException {
        host.close();
        modem.close();
    }

    private void expect(String command, String... answer) {
        assertThat(host.command(command)).as(command).containsExactly(answer);
    }

    private void upload(String name, byte[] content) {
        expect("AT+QFUPL=\"" + name + "\"," + content.length + ",5", "CONNECT");
        host.write(content);
        assertThat(host.nextLine()).startsWith("+QFUPL: " + content.length + ",");
        host.expectLines("OK");
    }

    private String sendOverTls() {
        expect("AT+QIACT=1", "OK");
        expect("AT+QSMTPCFG=\"ssltype\",1", "OK");
        expect("AT+QSMTPCFG=\"sslctxid\",1", "OK");
        expect("AT+QSMTPCFG=\"smtpserver\",\"127.0.0.1\"," + SMTPS.getSmtps().getPort(), "OK");
        expect("AT+QSMTPCFG=\"account\",\"user@example.com\",\"secret\"", "OK");
        expect("AT+QSMTPCFG=\"sender\",\"Gateway 7\",\"user@example.com\"", "OK");
        expect("AT+QSMTPDST=1,1,\"ops@example.com\"", "OK");
        expect("AT+QSMTPSUB=0,\"over TLS\"", "OK");
        expect("AT+QSMTPPUT=60", "OK");
        return host.nextLine(Duration.ofSeconds(30));
    }

    @Test
    void shouldDeliverWhenTheCaFileHoldsTheServersCertificate() throws Exception {
        upload("ca.pem", pem(serverCertificate()));
        expect("AT+QSSLCFG=\"sslversion\",1,4", "OK");
        expect("AT+QSSLCFG=\"seclevel\",1,1", "OK");
        expect("AT+QSSLCFG=\"cacert\",1,\"UFS:ca.pem\"", "OK");

        assertThat(sendOverTls()).isEqualTo("+QSMTPPUT: 0,0");
        assertThat(SMTPS.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(SMTPS.getReceivedMessages()[0].getSubject()).isEqualTo("over TLS");
    }

    @Test
    void shouldRejectAServerTheCaDidNotSign() throws Exception {
        upload("ca.pem", pem(someOtherAuthority()));
        expect("AT+QSSLCFG=\"seclevel\",1,1", "OK");
        expect("AT+QSSLCFG=\"cacert\",1,\"UFS:ca.pem\"", "OK");

        assertThat(sendOverTls()).isEqualTo("+QSMTPPUT: 666,0");
        assertThat(SMTPS.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldRejectEveryServerWithSeclevel1AndNoCaFile() {
        expect("AT+QSSLCFG=\"seclevel\",1,1", "OK");
        expect("AT+QSSLCFG=\"cacert\",1,\"UFS:absent.pem\"", "OK");

        assertThat(sendOverTls()).isEqualTo("+QSMTPPUT: 666,0");
    }

    @Test
    void shouldAcceptAnyServerWithSeclevel0() {
        assertThat(sendOverTls()).isEqualTo("+QSMTPPUT: 0,0");
    }

    @Test
    void shouldFailWhenThePlainClientMeetsATlsServer() {
        expect("AT+QIACT=1", "OK");
        expect("AT+QSMTPCFG=\"smtpserver\",\"127.0.0.1\"," + SMTPS.getSmtps().getPort(), "OK");
        expect("AT+QSMTPDST=1,1,\"ops@example.com\"", "OK");
        expect("AT+QSMTPPUT=5", "OK");
        assertThat(host.nextLine(Duration.ofSeconds(30))).startsWith("+QSMTPPUT: 6").isNotEqualTo("+QSMTPPUT: 0,0");
    }

    @Test
    void shouldSetAndQueryEverySslKey() {
        expect("AT+QSSLCFG=\"seclevel\",1", "+QSSLCFG: \"seclevel\",1,0", "OK");
        expect("AT+QSSLCFG=\"sslversion\",2", "+QSSLCFG: \"sslversion\",2,4", "OK");
        expect("AT+QSSLCFG=\"ciphersuite\",1,0xffff", "OK");
        expect("AT+QSSLCFG=\"ciphersuite\",1", "+QSSLCFG: \"ciphersuite\",1,0xFFFF", "OK");
        expect("AT+QSSLCFG=\"cacert\",1,\"UFS:ca.pem\"", "OK");
        expect("AT+QSSLCFG=\"cacert\",1", "+QSSLCFG: \"cacert\",1,\"UFS:ca.pem\"", "OK");
        expect("AT+QSSLCFG=\"sni\",5,1", "OK");
        expect("AT+QSSLCFG=\"sni\",5", "+QSSLCFG: \"sni\",5,1", "OK");
        expect("AT+QSSLCFG=\"ignorelocaltime\",0,0", "OK");
        expect("AT+QSSLCFG=\"negotiatetime\",0,10", "OK");
        expect("AT+QSSLCFG=\"negotiatetime\",0", "+QSSLCFG: \"negotiatetime\",0,10", "OK");
    }

    @ParameterizedTest(name = "{0} -> ERROR")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSSLCFG?
            AT+QSSLCFG="sslversion"
            AT+QSSLCFG="sslversion",6,4
            AT+QSSLCFG="sslversion",1,5
            AT+QSSLCFG="seclevel",1,3
            AT+QSSLCFG="ciphersuite",1,65535
            AT+QSSLCFG="ciphersuite",1,0x12345
            AT+QSSLCFG="cacert",1,ca.pem
            AT+QSSLCFG="ignorelocaltime",1,2
            AT+QSSLCFG="negotiatetime",1,9
            AT+QSSLCFG="negotiatetime",1,301
            AT+QSSLCFG="sni",1,2
            AT+QSSLCFG="dtls",1,1
            AT+QSSLCFG="seclevel",1,1,1
            """)
    void shouldRejectWhatTheModuleRejects(String command) {
        expect(command, "ERROR");
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

    /** @return a CA certificate of the JDK's trust store: real, and not the signer of the test server */
    private static X509Certificate someOtherAuthority() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
        return trust.getAcceptedIssuers()[0];
    }

    private static byte[] pem(Certificate certificate) throws Exception {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
