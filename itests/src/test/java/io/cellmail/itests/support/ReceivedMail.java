/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import java.util.List;

/**
 * A mail as GreenMail received it.
 *
 * @param subject the decoded subject
 * @param from the From addresses, comma-separated
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param text the first text part
 * @param attachments the attachments' file names
 */
public record ReceivedMail(String subject, String from, List<String> to, List<String> cc, String text,
        List<String> attachments) {
}
