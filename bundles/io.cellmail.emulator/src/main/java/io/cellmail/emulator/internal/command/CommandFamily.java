package io.cellmail.emulator.internal.command;

import java.util.Map;

/** A group of related commands, each under its upper-case name (e.g. {@code +QSMTPDST}, {@code E}, {@code &W}). */
public interface CommandFamily {

    /** @return the handlers of this family by command name */
    Map<String, CommandHandler> handlers();
}
