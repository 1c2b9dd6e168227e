/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.cellmail.quectel.ModemBench;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on a free loopback port for the STARTTLS tests (SubEthaSMTP: GreenMail's SMTP server has no
 * STARTTLS). Offering STARTTLS, it requires it: no AUTH is offered and no mail taken before the upgrade, so a client
 * that stays in the clear cannot deliver. Without it, it is a plain SMTP server that a client asking for STARTTLS
 * must refuse to use. Either way it takes mail only after AUTH with the bench's account. Its certificate is
 * GreenMail's self-signed test certificate, the one GreenMail's SMTPS server presents in the implicit-TLS tests.
 */
final class StartTlsSmtpServer implements AutoCloseable {

    /** GreenMail's test key store, on the test class path with GreenMail, and its documented password. */
    private static final String KEY_STORE = "greenmail.p12";
    private static final char[] KEY_STORE_PASSWORD = "changeit".toCharArray();
    private static final String KEY_ALIAS = "greenmail";

    private final SMTPServer server;
    private final X509Certificate certificate;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * A mail as the server took it.
     *
     * @param overTls whether the session had been upgraded with STARTTLS when the mail came
     * @param recipient the envelope recipient
     * @param message the mail
     */
    record Received(boolean overTls, String recipient, MimeMessage message) {
    }

    private StartTlsSmtpServer(boolean offerStartTls) throws GeneralSecurityException, IOException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = StartTlsSmtpServer.class.getClassLoader().getResourceAsStream(KEY_STORE)) {
            assertThat(in).as("GreenMail's test key store on the class path").isNotNull();
            keys.load(in, KEY_STORE_PASSWORD);
        }
        certificate = (X509Certificate) keys.getCertificate(KEY_ALIAS);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, KEY_STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("smtp.example.com")
                .enableTLS(offerStartTls)
                .requireTLS(offerStartTls)
                .startTlsSocketFactory(tls)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(StartTlsSmtpServer::login))
                .requireAuth()
                .messageHandler(this::arrived)
                .build();
        server.start();
    }

    /** @return a started server that offers and requires STARTTLS */
    static StartTlsSmtpServer offeringStartTls() throws GeneralSecurityException, IOException {
        return new StartTlsSmtpServer(true);
    }

    /** @return a started plain SMTP server: no STARTTLS in its EHLO reply, {@code 454} to the command */
    static StartTlsSmtpServer withoutStartTls() throws GeneralSecurityException, IOException {
        return new StartTlsSmtpServer(false);
    }

    private static void login(String user, String password, MessageContext context) throws LoginFailedException {
        if (!ModemBench.SMTP_USER.equals(user) || !ModemBench.SMTP_PASSWORD.equals(password)) {
            throw new LoginFailedException();
        }
    }

    private void arrived(MessageContext context, String from, String to, byte[] data) {
        boolean overTls = context instanceof Session session && session.isTLSStarted();
        received.add(new Received(overTls, to, GreenMailUtil.newMimeMessage(new ByteArrayInputStream(data))));
    }

    /** @return the port it listens on */
    int port() {
        return server.getPortAllocated();
    }

    /** @return the certificate it presents, self-signed: the CA a verifying client must be given */
    X509Certificate certificate() {
        return certificate;
    }

    /** @return every mail taken so far */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** @return the one mail taken, once it came */
    Received only() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    @Override
    public void close() {
        server.stop();
    }
}
