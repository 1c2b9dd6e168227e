/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the operator's CA certificate file: the PEM text the LTE dialect uploads to the module so that its SMTP
 * client can verify the server ({@code AT+QSSLCFG="cacert"}). Read once, when a configuration is applied, so that a
 * file that is missing, unreadable, too large or not PEM is a configuration problem the operator sees at once,
 * never a failure in the middle of a send.
 */
final class CaCertificateFile {

    /**
     * The largest file taken: a CA certificate is one to two kilobytes and a chain of a few fits easily; a whole
     * system trust store does not belong on the module, whose file system is small and which needs only the CA of
     * one server.
     */
    static final int MAX_BYTES = 64 * 1024;

    private static final Pattern CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----\\R([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private CaCertificateFile() {
    }

    /**
     * @param file the file's path as configured, not blank
     * @return the certificate(s) as PEM text, one block after another, nothing else of the file
     * @throws IllegalArgumentException saying what is wrong with the file, in words for the operator
     */
    static String read(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a valid path: " + e.getMessage(), e);
        }
        byte[] content;
        try {
            if (Files.isDirectory(path)) {
                throw new IllegalArgumentException("'" + file + "' is a directory, not a PEM file");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException("'" + file + "' holds " + size + " bytes, more than the "
                        + MAX_BYTES + " a CA certificate file may have: give only the CA of the SMTP server");
            }
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("'" + file + "' does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + file + "' cannot be read: " + e, e);
        }
        return certificates(file, new String(content, StandardCharsets.US_ASCII));
    }

    /** @return the PEM blocks of the text, each checked to be an X.509 certificate */
    private static String certificates(String file, String text) {
        if (text.contains("PRIVATE KEY-----")) {
            // A key has no business on the module or in a log: refuse the file rather than pick the certificate out.
            throw new IllegalArgumentException("'" + file + "' holds a private key: give a file with only the CA "
                    + "certificate");
        }
        StringBuilder pem = new StringBuilder();
        Matcher block = CERTIFICATE.matcher(text);
        while (block.find()) {
            String certificate = block.group().replace("\r\n", "\n");
            checkCertificate(file, certificate);
            pem.append(certificate).append('\n');
        }
        if (pem.length() == 0) {
            throw new IllegalArgumentException("'" + file + "' is not a PEM file: it holds no -----BEGIN CERTIFICATE"
                    + "----- block");
        }
        return pem.toString();
    }

    private static void checkCertificate(String file, String pem) {
        try (InputStream in = new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))) {
            CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException | IOException e) {
            throw new IllegalArgumentException("'" + file + "' holds a block that is not an X.509 certificate: "
                    + e.getMessage(), e);
        }
    }
}
