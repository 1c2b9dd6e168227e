/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static io.cellmail.quectel.internal.ModemSideState.Item.CA_FILE;
import static io.cellmail.quectel.internal.ModemSideState.Item.SSL_CONTEXT;
import static io.cellmail.quectel.internal.ModemSideState.Item.SSL_SETTINGS;
import static io.cellmail.quectel.internal.ModemSideState.Item.SSL_TYPE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.InfoLine;
import io.cellmail.service.spi.MailerSettings.SmtpSecurity;
import io.cellmail.service.spi.MailerSettings.Tls;

/**
 * The TLS side of the LTE module's SMTP client: {@code AT+QSMTPCFG="ssltype"} (0 plain, 1 TLS from the first
 * byte, 2 STARTTLS), and for an encrypted connection {@code "sslctxid"} and the SSL context's
 * {@code AT+QSSLCFG} keys: every TLS version (4), every cipher suite ({@code 0XFFFF}), the server verified
 * ({@code seclevel} 1) against the operator's CA certificate ({@code cacert}) unless configured otherwise
 * ({@code seclevel} 0), SNI on, and the module's clock ignored ({@code ignorelocaltime} 1). Each is sent only when
 * the module does not hold it.
 *
 * <p>The CA certificate goes to the module's UFS drive, which keeps it across reboots, under a name made of its
 * content's fingerprint ({@code ca<6 hex>.pem}, a DOS 8.3 name as Quectel recommends): uploaded once, and again only
 * when the certificate changes (its name changes with it). In every epoch the driver first asks the module whether
 * the file is there with its size ({@code AT+QFLST}); a new certificate replaces the files of earlier ones, so the
 * drive never fills with them.
 */
final class LteTls {

    private static final Logger LOG = LoggerFactory.getLogger(LteTls.class);
    /** The names the driver gives CA certificate files. */
    private static final Pattern CA_FILE_NAME = Pattern.compile("ca[0-9a-f]{6}\\.pem");
    private static final int NAME_HEX_DIGITS = 6;

    private LteTls() {
    }

    /**
     * @param writes the send's work
     * @param state what the module holds
     * @param tls the TLS settings
     * @param caTimeoutSeconds the input timeout of the CA certificate's upload
     * @return what the module holds after the settings went out
     */
    static ModemSideState apply(SmtpWrites writes, ModemSideState state, Tls tls, int caTimeoutSeconds) {
        ModemSideState held = writes.setting(state, SSL_TYPE, LteCommands.sslType(sslType(tls.security())),
                Refusal.ofSetting("smtpSecurity"));
        if (!tls.encrypted()) {
            return held;
        }
        int context = tls.sslContextId();
        held = writes.setting(held, SSL_CONTEXT, LteCommands.sslContext(context), Refusal.ofSetting("sslContextId"));
        String caFile = "";
        if (tls.verifyServer()) {
            byte[] pem = tls.caCertificate().getBytes(StandardCharsets.US_ASCII);
            String fingerprint = Fingerprint.of("ca", pem);
            caFile = "UFS:ca" + fingerprint.substring(0, NAME_HEX_DIGITS) + ".pem";
            if (!held.holds(CA_FILE, fingerprint)) {
                held = held.without(CA_FILE);
                ensureCaFile(writes, caFile, pem, caTimeoutSeconds);
                held = held.with(CA_FILE, fingerprint);
            }
        }
        List<AtCommand> ssl = sslCommands(context, tls.verifyServer(), caFile);
        String fingerprint = Fingerprint.of(ssl.stream().map(AtCommand::text).collect(Collectors.joining("\n")));
        if (!held.holds(SSL_SETTINGS, fingerprint)) {
            held = held.without(SSL_SETTINGS);
            for (AtCommand command : ssl) {
                writes.run(command, Refusal.ofSetting(command.text().contains("cacert") ? "caCertificate"
                        : "smtpSecurity"));
            }
            held = held.with(SSL_SETTINGS, fingerprint);
        }
        return held;
    }

    /** @return the {@code ssltype} of a security */
    static int sslType(SmtpSecurity security) {
        return switch (security) {
            case NONE -> 0;
            case IMPLICIT_TLS -> 1;
            case STARTTLS -> 2;
        };
    }

    private static List<AtCommand> sslCommands(int context, boolean verify, String caFile) {
        List<AtCommand> commands = new ArrayList<>();
        commands.add(LteCommands.ssl("sslversion", context, "4"));
        commands.add(LteCommands.ssl("ciphersuite", context, "0XFFFF"));
        commands.add(LteCommands.ssl("seclevel", context, verify ? "1" : "0"));
        if (verify) {
            commands.add(LteCommands.caFile(context, caFile));
        }
        commands.add(LteCommands.ssl("sni", context, "1"));
        // The module's clock is often unset (no network time, no RTC battery): checked against it, every server
        // certificate would look not yet valid and no mail would go out. The chain is still verified against the CA.
        commands.add(LteCommands.ssl("ignorelocaltime", context, "1"));
        return commands;
    }

    /** Makes sure the module's UFS drive holds the certificate under its name, uploading it only when it does not. */
    private static void ensureCaFile(SmtpWrites writes, String caFile, byte[] pem, int timeoutSeconds) {
        OptionalInt size = listedSize(writes, caFile);
        if (size.isPresent() && size.getAsInt() == pem.length) {
            LOG.debug("The module holds the CA certificate {} already", caFile);
            return;
        }
        if (size.isPresent()) {
            // a file cut short: an upload never overwrites
            writes.session().attempt(LteCommands.deleteFile(caFile));
        }
        deleteEarlierCaFiles(writes, caFile);
        FileUpload.upload(writes, caFile, pem, timeoutSeconds);
        LOG.debug("CA certificate uploaded as {}", caFile);
    }

    private static OptionalInt listedSize(SmtpWrites writes, String file) {
        ModemSession.Reply reply = writes.session().attempt(LteCommands.listFile(file));
        if (!reply.ok()) {
            // +CME ERROR: the file is not there
            return OptionalInt.empty();
        }
        for (InfoLine line : reply.response().infoLines(LteCommands.FILE_LISTED)) {
            try {
                return OptionalInt.of(line.intField(1));
            } catch (AtException e) {
                LOG.debug("Unreadable file listing {}", line.line());
            }
        }
        return OptionalInt.empty();
    }

    /** Deletes the CA certificate files of earlier certificates, found by the names the driver gives them. */
    private static void deleteEarlierCaFiles(SmtpWrites writes, String current) {
        ModemSession.Reply reply = writes.session().attempt(LteCommands.listUfsFiles());
        if (!reply.ok()) {
            return;
        }
        for (InfoLine line : reply.response().infoLines(LteCommands.FILE_LISTED)) {
            try {
                String name = line.stringField(0);
                String file = "UFS:" + name;
                if (CA_FILE_NAME.matcher(name).matches() && !file.equals(current)) {
                    writes.session().attempt(LteCommands.deleteFile(file));
                }
            } catch (AtException e) {
                LOG.debug("Unreadable file listing {}", line.line());
            }
        }
    }
}
