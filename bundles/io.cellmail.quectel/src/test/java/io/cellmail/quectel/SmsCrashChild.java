/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.cellmail.api.SmsMessage;
import io.cellmail.service.internal.MailService;

/**
 * The gateway process of {@link SmsCrashTest}: accepts one SMS and prints {@code sending} once its module received
 * {@code AT+CMGS}; the network's answer is held back a minute, so the process is killed while the SMS is being sent.
 */
public final class SmsCrashChild {

    static final String ID = "pump3-sms";
    static final String NUMBER = "+41791234567";
    static final String TEXT = "Pump 3 pressure high, 7.9 bar";

    private SmsCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path outbox = Path.of(args[0]);
        int smtpPort = Integer.parseInt(args[1]);
        ModemBench bench = new ModemBench(smtpPort);
        bench.emulator().faults().apply("sms-delay=60s");
        MailService service = bench.service(outbox, (topic, properties) -> { });
        service.sendSms(new SmsMessage(ID, NUMBER, TEXT));
        System.out.println("accepted");
        System.out.flush();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> bench.commands().stream().anyMatch(c -> c.startsWith("AT+CMGS=")));
        System.out.println("sending");
        System.out.flush();
        new CountDownLatch(1).await(1, TimeUnit.MINUTES);
        System.exit(3);
    }
}
