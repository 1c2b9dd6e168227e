/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.data.DataModeReceiver.Framing;
import io.cellmail.emulator.internal.state.FileSystem;
import io.cellmail.emulator.internal.state.FileSystem.Drive;
import io.cellmail.emulator.internal.state.FileSystem.Path;

/**
 * The LTE modules' file commands (Quectel FILE AT manuals of the BG96/UGxx families; the EC2x one was not read):
 * <ul>
 * <li>{@code AT+QFUPL="<name>"[,<file_size>[,<timeout>[,<ackmode>]]]}: file_size 1 up to the drive's free space
 * (default 10240), timeout 1-65535 s of silence (default 5), ackmode 0 or 1. {@code CONNECT}, then exactly
 * {@code <file_size>} bytes (fewer when the line stays silent for the timeout or {@code +++} framed by silence
 * comes), then {@code +QFUPL: <upload_size>,<checksum>} and {@code OK}. The checksum is the 16-bit XOR of the byte
 * pairs ({@link FileSystem#checksum}), printed in lower-case hex. With ackmode 1 the module writes {@code A} after
 * each 1024 bytes it took, except after the last.</li>
 * <li>{@code AT+QFDEL="<name>"}: deletes; {@code "RAM:*"} or {@code "*"} deletes every file of the drive.</li>
 * <li>{@code AT+QFLST[="<name>"]}: {@code +QFLST: "<name>",<size>} for each file (all UFS files without a name).</li>
 * <li>{@code AT+QFLDS[="UFS"|"RAM"]}: {@code +QFLDS: <free>,<total>}.</li>
 * </ul>
 * Errors ({@code +CME ERROR}, numbers of Quectel's file error table): 405 file not found, 406 invalid file name
 * (empty, beyond 80 bytes, another drive, a wildcard to upload), 407 the file already exists (an upload never
 * overwrites), 420 no space (file_size beyond the drive's free space), 421 timeout (nothing arrived). Malformed or
 * out-of-range numbers answer {@code ERROR}. Chosen where no source says: a wildcard delete on an empty drive is
 * {@code OK}; names are case-sensitive.
 */
public final class FileCommands implements CommandFamily {

    private static final int DEFAULT_SIZE = 10_240;
    private static final int DEFAULT_TIMEOUT = 5;
    /** Bytes between two {@code A} acknowledgements in ackmode 1. */
    public static final int ACK_BLOCK = 1024;

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(
                "+QFUPL", FileCommands::upload,
                "+QFDEL", FileCommands::delete,
                "+QFLST", FileCommands::list,
                "+QFLDS", FileCommands::space);
    }

    private static Outcome upload(AtCommand command, CommandContext context) {
        FileSystem files = context.state().files();
        switch (command.form()) {
            case TEST -> {
                context.reply().info("+QFUPL: <filename>[,(1-" + files.free(Drive.UFS) + ")[,(1-65535)[,(0,1)]]]");
                return Outcome.ok();
            }
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 4);
                Optional<Path> path = Path.parse(params.string(0));
                int size = params.present(1) ? params.number(1, 1, Integer.MAX_VALUE / 2) : DEFAULT_SIZE;
                int timeout = params.present(2) ? params.number(2, 1, 65_535) : DEFAULT_TIMEOUT;
                boolean acknowledged = params.present(3) && params.number(3, 0, 1) == 1;
                if (path.isEmpty() || path.get().wildcard()) {
                    return context.cmeError(406, "invalid file name");
                }
                if (files.exists(path.get())) {
                    return context.cmeError(407, "file already existed");
                }
                if (size > files.free(path.get().drive())) {
                    return context.cmeError(420, "no space");
                }
                Path target = path.get();
                return Outcome.dataMode(DataUpload.lengthEnded(size, Duration.ofSeconds(timeout),
                        Framing.LENGTH_UNTIL_IDLE, bytes -> {
                            if (bytes.length == 0) {
                                return new DataUpload.Ended(java.util.List.of(), context.cmeError(421, "time out"));
                            }
                            files.write(target, bytes);
                            return DataUpload.Ended.ok("+QFUPL: " + bytes.length + ","
                                    + Integer.toHexString(FileSystem.checksum(bytes)));
                        }).acknowledgingEvery(acknowledged ? ACK_BLOCK : 0));
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    private static Outcome delete(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> {
                return Outcome.ok();
            }
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                Optional<Path> path = Path.parse(params.string(0));
                if (path.isEmpty()) {
                    return context.cmeError(406, "invalid file name");
                }
                int deleted = context.state().files().delete(path.get());
                return deleted == 0 && !path.get().wildcard() ? context.cmeError(405, "file not found")
                        : Outcome.ok();
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    private static Outcome list(AtCommand command, CommandContext context) {
        Path pattern;
        switch (command.form()) {
            case TEST -> {
                return Outcome.ok();
            }
            case EXECUTE -> pattern = new Path(Drive.UFS, "*");
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                Optional<Path> path = Path.parse(params.string(0));
                if (path.isEmpty()) {
                    return context.cmeError(406, "invalid file name");
                }
                pattern = path.get();
            }
            default -> {
                return Outcome.error();
            }
        }
        context.state().files().list(pattern).forEach(file -> context.reply()
                .info("+QFLST: \"" + file.getKey().shown() + "\"," + file.getValue()));
        return Outcome.ok();
    }

    private static Outcome space(AtCommand command, CommandContext context) {
        Drive drive;
        switch (command.form()) {
            case TEST -> {
                context.reply().info("+QFLDS: (\"UFS\",\"RAM\")");
                return Outcome.ok();
            }
            case EXECUTE -> drive = Drive.UFS;
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                switch (params.string(0).toUpperCase(Locale.ROOT)) {
                    case "UFS" -> drive = Drive.UFS;
                    case "RAM" -> drive = Drive.RAM;
                    default -> {
                        return Outcome.error();
                    }
                }
            }
            default -> {
                return Outcome.error();
            }
        }
        FileSystem files = context.state().files();
        context.reply().info("+QFLDS: " + files.free(drive) + "," + files.capacity(drive));
        return Outcome.ok();
    }
}
