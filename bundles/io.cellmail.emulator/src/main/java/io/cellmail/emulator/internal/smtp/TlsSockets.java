/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the LTE module's SMTP client: {@code ssltype} 1 (TLS from the first byte) or 2 (STARTTLS, required), the
 * server verified against the CA file when {@code seclevel} is 1 or 2, not at all with 0, as the module does. The
 * chain is checked, the host name is not (the module's manuals do not say it checks one). TLS sits on the
 * deadline sockets, so the {@code AT+QSMTPPUT} timeout still bounds the whole send.
 */
final class TlsSockets {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSockets.class);

    private TlsSockets() {
    }

    /** Sets the Angus Mail properties for {@code tls}; nothing for plain SMTP. */
    static void configure(Properties properties, OutgoingMail.Tls tls, DeadlineSocketFactory plain) {
        if (tls.type() == 0) {
            return;
        }
        properties.put("mail.smtp.ssl.socketFactory", new Layered(context(tls).getSocketFactory(), plain));
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        if (!tls.protocol().isEmpty()) {
            properties.setProperty("mail.smtp.ssl.protocols", tls.protocol());
        }
        if (tls.type() == 1) {
            properties.setProperty("mail.smtp.ssl.enable", "true");
        } else {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
    }

    /**
     * Whether a connection that failed did so because the server, having answered EHLO, offered no STARTTLS
     * although {@code ssltype} 2 requires it. Angus then refuses to go on in the clear; the module's result for
     * it is not documented, and the emulator reports the TLS failure: TLS could not be set up with that server,
     * and a server (or someone between it and the module) that hides STARTTLS is a TLS problem an operator must
     * look at, not a refusal of the mail.
     *
     * @param tls how the connection was to be secured
     * @param transport the transport whose {@code connect} failed, its EHLO answer still known
     * @return true for {@code ssltype} 2, an EHLO (or HELO) the server accepted, and no STARTTLS in its answer
     */
    static boolean startTlsNotOffered(OutgoingMail.Tls tls, SMTPTransport transport) {
        int lastReply = transport.getLastReturnCode();
        return tls.type() == 2 && lastReply >= 200 && lastReply < 300 && !transport.supportsExtension("STARTTLS");
    }

    private static SSLContext context(OutgoingMail.Tls tls) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust(tls)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }

    private static X509TrustManager trust(OutgoingMail.Tls tls) throws GeneralSecurityException {
        if (!tls.verifyServer()) {
            return new TrustingEveryone();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        Collection<? extends Certificate> authorities;
        try {
            authorities = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(tls.caCertificates()));
        } catch (GeneralSecurityException e) {
            // no CA file, or not a certificate: nothing is trusted, the handshake fails as on the module
            LOG.debug("the CA file holds no certificate", e);
            authorities = java.util.List.of();
        }
        int i = 0;
        for (Certificate authority : authorities) {
            store.setCertificateEntry("ca" + i++, authority);
        }
        if (i == 0) {
            return new TrustingNoone();
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** {@code seclevel} 0: no server authentication. */
    private static final class TrustingEveryone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // the module never sees client certificates here
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // seclevel 0 accepts any server, which is why it is insecure
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** {@code seclevel} 1 without a usable CA file: no server can be verified. */
    private static final class TrustingNoone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("no CA certificate");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("no CA certificate to verify the server with");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * TLS over a deadline socket: Angus asks for an unconnected socket, connects it, then layers TLS on it with
     * {@link #createSocket(Socket, String, int, boolean)} (also for STARTTLS).
     */
    private static final class Layered extends SSLSocketFactory {

        private final SSLSocketFactory tls;
        private final DeadlineSocketFactory plain;

        Layered(SSLSocketFactory tls, DeadlineSocketFactory plain) {
            this.tls = tls;
            this.plain = plain;
        }

        @Override
        public Socket createSocket() {
            return plain.createSocket();
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return tls.createSocket(socket, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return tls.createSocket(plain.createSocket(host, port), host, port, true);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return tls.createSocket(plain.createSocket(host, port, localHost, localPort), host, port, true);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return tls.createSocket(plain.createSocket(host, port), host.getHostAddress(), port, true);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return tls.createSocket(plain.createSocket(address, port, localAddress, localPort),
                    address.getHostAddress(), port, true);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }
}
