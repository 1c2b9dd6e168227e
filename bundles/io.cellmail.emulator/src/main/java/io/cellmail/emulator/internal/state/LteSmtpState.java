/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.state;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the LTE SMTP client holds beyond what it shares with the GSM one ({@link SmtpMailbox}: server, account,
 * sender, recipients, subject, body): the {@code AT+QSMTPCFG} context and TLS keys, and the attachment list of
 * {@code AT+QSMTPATT}, which names files instead of holding their bytes. Defaults are chosen (the notes' open
 * question 4): context 1, SSL context 1, plain SMTP.
 */
public final class LteSmtpState {

    /** Most attachments, indexes 1-10. */
    public static final int MAX_ATTACHMENTS = 10;

    private int contextId;
    private int sslContextId;
    private int sslType;
    private final Map<Integer, String> attachmentFiles = new TreeMap<>();

    public LteSmtpState() {
        reset();
    }

    /** Back to the power-on values. */
    public void reset() {
        contextId = 1;
        sslContextId = 1;
        sslType = 0;
        attachmentFiles.clear();
    }

    public int contextId() {
        return contextId;
    }

    public void contextId(int id) {
        contextId = id;
    }

    public int sslContextId() {
        return sslContextId;
    }

    public void sslContextId(int id) {
        sslContextId = id;
    }

    /** @return 0 plain, 1 TLS from the first byte, 2 STARTTLS */
    public int sslType() {
        return sslType;
    }

    public void sslType(int type) {
        sslType = type;
    }

    /** @return the attached file names by index, lowest first */
    public Map<Integer, String> attachmentFiles() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(attachmentFiles));
    }

    public void attach(int index, String file) {
        attachmentFiles.put(index, file);
    }

    /** @return false if nothing was attached at that index */
    public boolean detach(int index) {
        return attachmentFiles.remove(index) != null;
    }

    public void detachAll() {
        attachmentFiles.clear();
    }
}
