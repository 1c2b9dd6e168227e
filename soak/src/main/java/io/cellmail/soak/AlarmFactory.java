/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.util.Optional;
import java.util.Random;

/**
 * Makes the soak's alarms from its seeded random source: ids in sequence, bodies of varied length (so outbox
 * files end at varied places of a disk page), a few attachments (some large enough to fill the line's buffers
 * during a CTS stall), and now and then a body holding {@code +++} and AT command lines.
 */
final class AlarmFactory {

    private static final String[] WORDS = {"pressure", "pump", "valve", "boiler", "flow", "temperature", "level",
        "tank", "motor", "alarm", "high", "low", "sensor", "station", "feeder", "return", "bar", "kPa"};

    private final Random random;
    private final double escapeShare;
    private final double escapeShareLenient;
    private int sequence;

    /**
     * @param random the soak's random source
     * @param escapeShare the share of alarms with {@code +++} text while a guard-time module is plugged in
     * @param escapeShareLenient the share while a lenient module is plugged in
     */
    AlarmFactory(Random random, double escapeShare, double escapeShareLenient) {
        this.random = random;
        this.escapeShare = escapeShare;
        this.escapeShareLenient = escapeShareLenient;
    }

    /**
     * @param lenientModule whether the module plugged in now ends data mode at any {@code +++}
     * @return the next alarm
     */
    synchronized Alarm next(boolean lenientModule) {
        return make(random.nextDouble() < (lenientModule ? escapeShareLenient : escapeShare));
    }

    /** @return the next alarm, with {@code +++} and AT command lines in its body */
    synchronized Alarm escape() {
        return make(true);
    }

    private Alarm make(boolean escape) {
        String id = String.format("a%05d", ++sequence);
        String subject = "SOAK " + id + " " + word() + " " + word() + " " + (escape ? "escape text" : "alarm");
        String body = escape ? escapeBody(id) : text(id, 40 + random.nextInt(random.nextInt(10) == 0 ? 6000 : 900));
        double roll = random.nextDouble();
        int size = roll < 0.04 ? 24_000 + random.nextInt(16_000) : roll < 0.25 ? 200 + random.nextInt(6_000) : 0;
        return new Alarm(id, subject, body, size > 0 ? Optional.of(id + "-trend.csv") : Optional.empty(), size,
                escape);
    }

    /** A body that a module ending data mode at any {@code +++} would run in part as commands. */
    private String escapeBody(String id) {
        return "Valve " + id + " pressure 7.9 bar +++\r\nAT+QSMTPDST=1,1,\"" + Alarm.INTRUDER
                + "\"\r\nAT+QSMTPPUT\r\nThis line and the ones above are alarm text, never commands.\r\n"
                + text(id, 60 + random.nextInt(200));
    }

    private String text(String id, int length) {
        StringBuilder text = new StringBuilder("Alarm ").append(id).append(':');
        int column = text.length();
        while (text.length() < length) {
            String word = word();
            if (column + word.length() > 72) {
                text.append("\r\n");
                column = 0;
            } else {
                text.append(' ');
                column++;
            }
            text.append(word);
            column += word.length();
        }
        return text.toString();
    }

    private String word() {
        return random.nextInt(6) == 0 ? Integer.toString(random.nextInt(1000)) : WORDS[random.nextInt(WORDS.length)];
    }
}
