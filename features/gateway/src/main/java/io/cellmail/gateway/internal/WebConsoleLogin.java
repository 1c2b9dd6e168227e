/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The one login of the gateway's web console: the operator's password from {@value #PASSWORD_VARIABLE}, or one
 * generated for this run. Never Felix's {@code admin}/{@code admin}: a gateway's console must not open with a
 * password printed in every manual. The console is handed only a salted hash ({@link #hashed()}); the password
 * itself is shown once, to the operator who started the gateway, and {@link #toString()} never shows it.
 */
final class WebConsoleLogin {

    /** The environment variable an operator sets the password with (an argument would show in {@code ps}). */
    static final String PASSWORD_VARIABLE = "CELLMAIL_WEB_CONSOLE_PASSWORD";
    static final String USER = "cellmail";
    static final int MINIMUM_LENGTH = 8;

    private static final int GENERATED_LENGTH = 20;
    // No 0/O, 1/l/I: a generated password is read off a terminal and typed again.
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    // Felix Web Console's own format: {sha-256}<salt hex>-<iterations>-<base64 of the hash of salt + password>.
    private static final int ITERATIONS = 1000;
    private static final int SALT_BYTES = 8;

    private final String password;
    private final boolean generated;

    private WebConsoleLogin(String password, boolean generated) {
        this.password = password;
        this.generated = generated;
    }

    /**
     * @param environment the process environment
     * @param operatorAtTerminal whether the gateway's output is the operator's terminal ({@code --interactive}),
     *        the one place a generated password may be shown
     * @return the operator's login, or a generated one when {@value #PASSWORD_VARIABLE} is unset or empty
     * @throws GatewayException when the operator's password is too short or Felix's default, or when none is set
     *         and there is no terminal to show a generated one on
     */
    static WebConsoleLogin from(Map<String, String> environment, boolean operatorAtTerminal)
            throws GatewayException {
        String configured = environment.get(PASSWORD_VARIABLE);
        if (configured == null || configured.isEmpty()) {
            if (!operatorAtTerminal) {
                // Without a console the launcher's output goes to the log file or the journal: a generated password
                // shown there would be a password in a log.
                throw new GatewayException("the web console of a gateway without --interactive needs its password in "
                        + PASSWORD_VARIABLE + " (a generated one would be printed into the log)");
            }
            return new WebConsoleLogin(generate(new SecureRandom()), true);
        }
        if (configured.length() < MINIMUM_LENGTH || "admin".equalsIgnoreCase(configured)) {
            throw new GatewayException(PASSWORD_VARIABLE + " must hold a password of at least " + MINIMUM_LENGTH
                    + " characters that is not Felix's default");
        }
        return new WebConsoleLogin(configured, false);
    }

    static String generate(SecureRandom random) {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** @return whether the password was generated for this run (and must be shown to the operator once) */
    boolean generated() {
        return generated;
    }

    /** @return the password; only for the one line that shows a generated password to the operator */
    String password() {
        return password;
    }

    /** @return the password as the Felix Web Console takes it in {@code felix.webconsole.password}: salted hash */
    String hashed() {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return "{sha-256}" + saltHex + "-" + ITERATIONS + "-" + Base64.getEncoder().encodeToString(
                hash(saltHex + password, ITERATIONS));
    }

    private static byte[] hash(String text, int iterations) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < iterations; i++) {
                bytes = digest.digest(bytes);
            }
            return bytes;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "web console login " + USER + "/****" + (generated ? " (generated)" : "");
    }
}
