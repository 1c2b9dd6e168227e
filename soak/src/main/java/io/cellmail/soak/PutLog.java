/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PUTs out of the modules' transcripts. A PUT belongs to the alarm whose subject the module held when it
 * took the command on: the driver sets a mail's subject ({@code AT+QSMTPSUB}) before its PUT, and a reboot clears
 * it. A PUT command answered {@code ERROR} (busy, or refused) or not at all (a hang) started nothing.
 */
final class PutLog {

    private static final Pattern RESULT = Pattern.compile("\\+QSMTPPUT: ?(-?\\d+)");

    private PutLog() {
    }

    /**
     * @param lines the transcripts' lines in time order
     * @return every PUT, in time order
     */
    static List<Put> of(List<HeardLine> lines) {
        Map<String, ModuleState> modules = new HashMap<>();
        List<Put> puts = new ArrayList<>();
        for (HeardLine line : lines) {
            modules.computeIfAbsent(line.module(), name -> new ModuleState()).read(line, puts);
        }
        return puts;
    }

    /** What one module holds and runs while its lines are read. */
    private static final class ModuleState {
        private Optional<String> subject = Optional.empty();
        private Optional<Instant> putCommand = Optional.empty();
        private int running = -1;

        void read(HeardLine line, List<Put> puts) {
            String text = line.line().text();
            if (line.fromHost()) {
                if (line.compact().startsWith("AT+QSMTPSUB=")) {
                    subject = Delivery.alarmIdIn(text);
                }
                putCommand = line.isPutCommand() ? Optional.of(line.time()) : Optional.empty();
                return;
            }
            if (!line.fromModule()) {
                return;
            }
            if (text.equals("RDY")) {
                if (running >= 0) {
                    puts.set(running, puts.get(running).withReboot(line.time()));
                    running = -1;
                }
                subject = Optional.empty();
                putCommand = Optional.empty();
                return;
            }
            if (putCommand.isPresent() && text.equals("OK")) {
                puts.add(new Put(line.module(), putCommand.get(), subject, Optional.empty(), OptionalInt.empty(),
                        Optional.empty()));
                running = puts.size() - 1;
                putCommand = Optional.empty();
                return;
            }
            if (putCommand.isPresent() && (text.equals("ERROR") || text.startsWith("+CME ERROR"))) {
                putCommand = Optional.empty();
                return;
            }
            Matcher result = RESULT.matcher(text);
            if (result.matches() && running >= 0) {
                puts.set(running, puts.get(running).withResult(line.time(), Integer.parseInt(result.group(1))));
                running = -1;
            }
        }
    }
}
