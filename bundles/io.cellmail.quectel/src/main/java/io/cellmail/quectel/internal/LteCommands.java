/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static io.cellmail.quectel.internal.Commands.quoted;

import java.time.Duration;

import io.cellmail.api.RecipientType;
import io.cellmail.at.AtCommand;
import io.cellmail.at.UploadOptions;

/**
 * The AT commands of the LTE dialect, the one place where its values are put into command lines; every quoted
 * value goes through {@link Commands#quoted}. Commands both dialects share (subject, recipients, PUT) are
 * {@link Commands}'.
 */
final class LteCommands {

    /** {@code AT+QIACT} may take this long while the network sets the context up (Quectel's figure). */
    static final Duration ACTIVATION_TIMEOUT = Duration.ofSeconds(150);
    /** The result line of {@code AT+QFUPL}: {@code +QFUPL: <size>,<checksum>}. */
    static final String FILE_UPLOADED = "+QFUPL:";
    /** The answer lines of {@code AT+QIACT?}. */
    static final String ACTIVE_CONTEXT = "+QIACT:";
    /** The answer line of an {@code AT+QSMTPCFG} query. */
    static final String CONFIG = "+QSMTPCFG:";
    /** The answer lines of {@code AT+QFLST}. */
    static final String FILE_LISTED = "+QFLST:";
    /** Every file of the module's RAM drive, where attachments are kept. */
    static final String RAM_FILES = "RAM:*";

    private LteCommands() {
    }

    /**
     * @return {@code AT+QICSGP=<cid>,1,"<apn>","<user>","<pwd>",<auth>}: IPv4, authentication 0 (none) without
     *     credentials, else 3 (PAP or CHAP, whichever the network asks); the password is masked by
     *     {@code SecretText}
     */
    static AtCommand contextDefinition(int contextId, String apn, String user, String password) {
        int authentication = user.isEmpty() && password.isEmpty() ? 0 : 3;
        return AtCommand.of("AT+QICSGP=" + contextId + ",1," + quoted(apn) + "," + quoted(user) + ","
                + quoted(password) + "," + authentication);
    }

    /** @return {@code AT+QIACT?}: one {@code +QIACT: <cid>,<state>,<type>,"<ip>"} line per active context */
    static AtCommand activeContexts() {
        return AtCommand.of("AT+QIACT?").expecting(ACTIVE_CONTEXT);
    }

    /** @return {@code AT+QIACT=<cid>}, allowed {@link #ACTIVATION_TIMEOUT} */
    static AtCommand activate(int contextId) {
        return AtCommand.of("AT+QIACT=" + contextId).timeout(ACTIVATION_TIMEOUT);
    }

    /** @return {@code AT+QSMTPCFG="contextid",<cid>} */
    static AtCommand smtpContext(int contextId) {
        return AtCommand.of("AT+QSMTPCFG=\"contextid\"," + contextId);
    }

    /** @return {@code AT+QSMTPCFG="ssltype",<0|1|2>} */
    static AtCommand sslType(int type) {
        return AtCommand.of("AT+QSMTPCFG=\"ssltype\"," + type);
    }

    /** @return {@code AT+QSMTPCFG="sslctxid",<ctx>} */
    static AtCommand sslContext(int sslContextId) {
        return AtCommand.of("AT+QSMTPCFG=\"sslctxid\"," + sslContextId);
    }

    /** @return {@code AT+QSMTPCFG="smtpserver","<host>",<port>} */
    static AtCommand server(String host, int port) {
        return AtCommand.of("AT+QSMTPCFG=\"smtpserver\"," + quoted(host) + "," + port);
    }

    /** @return {@code AT+QSMTPCFG="smtpserver"}: the query, answered {@code +QSMTPCFG: "smtpserver","<host>",<port>} */
    static AtCommand serverQuery() {
        return AtCommand.of("AT+QSMTPCFG=\"smtpserver\"").expecting(CONFIG);
    }

    /** @return {@code AT+QSMTPCFG="account","<user>","<pwd>"}, the password masked by {@code SecretText} */
    static AtCommand account(String user, String password) {
        return AtCommand.of("AT+QSMTPCFG=\"account\"," + quoted(user) + "," + quoted(password));
    }

    /** @return {@code AT+QSMTPCFG="sender","<name>","<address>"} */
    static AtCommand sender(String name, String address) {
        return AtCommand.of("AT+QSMTPCFG=\"sender\"," + quoted(name) + "," + quoted(address));
    }

    /** @return {@code AT+QSSLCFG="<key>",<ctx>,<value>} for a number or a constant value */
    static AtCommand ssl(String key, int sslContextId, String value) {
        return AtCommand.of("AT+QSSLCFG=" + quoted(key) + "," + sslContextId + "," + value);
    }

    /** @return {@code AT+QSSLCFG="cacert",<ctx>,"<file>"} */
    static AtCommand caFile(int sslContextId, String file) {
        return ssl("cacert", sslContextId, quoted(file));
    }

    /** @return {@code AT+QFLST="<file>"}: {@code +QFLST: "<name>",<size>} if the file is there */
    static AtCommand listFile(String file) {
        return AtCommand.of("AT+QFLST=" + quoted(file)).expecting(FILE_LISTED);
    }

    /** @return {@code AT+QFLST}: one {@code +QFLST: "<name>",<size>} line per file of the UFS drive */
    static AtCommand listUfsFiles() {
        return AtCommand.of("AT+QFLST").expecting(FILE_LISTED);
    }

    /** @return {@code AT+QFDEL="<file>"}; {@code RAM:*} deletes every file of the RAM drive */
    static AtCommand deleteFile(String file) {
        return AtCommand.of("AT+QFDEL=" + quoted(file));
    }

    /** @return {@code AT+QFUPL="<file>",<size>,<timeout>}, an upload ended by its length */
    static AtCommand uploadFile(String file, int size, int inputTimeoutSeconds) {
        return AtCommand.of("AT+QFUPL=" + quoted(file) + "," + size + "," + inputTimeoutSeconds);
    }

    /** @return {@code AT+QSMTPCLR}: recipients, subject, body and attachment list; not the configuration */
    static AtCommand clearContent() {
        return AtCommand.of("AT+QSMTPCLR");
    }

    /** @return {@code AT+QSMTPDST=1,<type>,"<addr>"}: just {@code OK}, no result line (unlike the GSM form) */
    static AtCommand addRecipient(RecipientType type, String address) {
        return AtCommand.of("AT+QSMTPDST=1," + Commands.typeCode(type) + "," + quoted(address));
    }

    /** @return {@code AT+QSMTPBODY=<charset>,<length>,<input_time>}, an upload ended by its length */
    static AtCommand body(int charset, int length, int inputTimeoutSeconds) {
        return AtCommand.of("AT+QSMTPBODY=" + charset + "," + length + "," + inputTimeoutSeconds);
    }

    /** @return {@code AT+QSMTPATT=1,<index>,"<file>"} */
    static AtCommand attach(int index, String file) {
        return AtCommand.of("AT+QSMTPATT=1," + index + "," + quoted(file));
    }

    /**
     * @param resultPrefix the upload's result line
     * @param inputTimeoutSeconds the module's input timeout the command gave
     * @return options for an upload the module ends at its length, its result awaited a little longer than the
     *     module waits for the payload, the length checked
     */
    static UploadOptions lengthEnded(String resultPrefix, int inputTimeoutSeconds) {
        return Commands.uploadOptions(resultPrefix, inputTimeoutSeconds).endingWith(UploadOptions.Ending.LENGTH);
    }
}
