/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.send;

import io.cellmail.api.Attachment;
import io.cellmail.cli.internal.CommandFailure;
import io.cellmail.cli.internal.ExitCode;
import io.cellmail.cli.internal.UsageException;
import io.cellmail.cli.internal.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a mail carries from where the command line says: the body from {@code --body}, {@code --body-file}
 * (a path, or {@code -} for stdin) or stdin, as UTF-8 text; attachments from files, named as the files are.
 */
final class MailContent {

    /** Read no more than this from a body source: the modem takes 10 KB, a mistaken input may be endless. */
    static final int MAX_BODY_INPUT = 1024 * 1024;
    /** Read no more than this from an attachment: the modem takes 100 KB in all. */
    static final long MAX_ATTACHMENT_INPUT = 1024 * 1024;

    private MailContent() {
    }

    /**
     * @param body the {@code --body} text
     * @param bodyFile the {@code --body-file} path, {@code -} for stdin
     * @param stdin standard input
     * @param readStdin whether stdin holds the body when neither option is given (not a terminal)
     * @return the body text, empty if there is none
     * @throws UsageException if both options are given
     * @throws CommandFailure if the body cannot be read
     */
    static String body(Optional<String> body, Optional<String> bodyFile, InputStream stdin, boolean readStdin)
            throws UsageException, CommandFailure {
        if (body.isPresent() && bodyFile.isPresent()) {
            throw new UsageException("give --body or --body-file, not both");
        }
        if (body.isPresent()) {
            return body.get();
        }
        if (bodyFile.isPresent() && !bodyFile.get().equals("-")) {
            Path path = Path.of(bodyFile.get());
            return text(read(path, MAX_BODY_INPUT, "--body-file"), "--body-file " + path);
        }
        if (bodyFile.isPresent() || readStdin) {
            return Utf8Text.read(stdin, MAX_BODY_INPUT, "the body on stdin", "the modem takes 10 KB");
        }
        return "";
    }

    /**
     * @param files the {@code --attach} paths
     * @return the attachments, in order
     * @throws CommandFailure if a file cannot be read
     */
    static List<Attachment> attachments(List<String> files) throws CommandFailure {
        List<Attachment> attachments = new ArrayList<>();
        for (String file : files) {
            Path path = Path.of(file);
            Path name = path.getFileName();
            if (name == null) {
                throw new CommandFailure(ExitCode.FAILURE, "--attach " + file + " names no file");
            }
            attachments.add(new Attachment(name.toString(), read(path, MAX_ATTACHMENT_INPUT, "--attach")));
        }
        return attachments;
    }

    private static byte[] read(Path path, long limit, String option) throws CommandFailure {
        try {
            if (Files.size(path) > limit) {
                // Far beyond what the modem takes; reading it all would only delay the same answer.
                return new byte[(int) limit + 1];
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(ExitCode.FAILURE, option + " " + path + ": no such file");
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.FAILURE, option + " " + path + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static String text(byte[] bytes, String what) throws UsageException {
        return Utf8Text.decode(bytes, MAX_BODY_INPUT, what, "the modem takes 10 KB");
    }
}
