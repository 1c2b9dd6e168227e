/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import io.cellmail.serial.LinkUri;
import java.util.Optional;

/** The {@code LINK} argument of the commands that talk to a modem: the first positional, else {@code $CELLMAIL_LINK}. */
public final class LinkArgument {

    /** The environment variable naming the link when the command line does not. */
    public static final String VARIABLE = "CELLMAIL_LINK";

    private LinkArgument() {
    }

    /**
     * @param parsed the command line
     * @param environment for {@value #VARIABLE}
     * @param links parses and checks the URI
     * @return the link
     * @throws UsageException if there is none or it is malformed
     */
    public static LinkUri require(Options.Parsed parsed, CliEnvironment environment, ModemLinks links)
            throws UsageException {
        Optional<String> text = parsed.positional(0).or(() -> environment.variable(VARIABLE));
        if (text.isEmpty()) {
            throw new UsageException("which modem? give a LINK such as serial:/dev/ttyUSB2?baud=115200, "
                    + "tcp://127.0.0.1:7000 or emulator:bench (or set " + VARIABLE + ")");
        }
        return links.parse(text.get(), "LINK");
    }
}
