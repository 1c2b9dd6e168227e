/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;


/**
 * The child process of {@link OutboxCrashTest}: accepts N mails into an outbox on the system clock, waits until
 * the first is inside the (held) modem, prints {@code accepted N} and waits to be killed. Exits by itself after a
 * minute, so that a test that dies first leaves no process behind for long.
 */
public final class KilledDuringSendChild {

    private KilledDuringSendChild() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        ScriptedMailer mailer = new ScriptedMailer();
        mailer.hold();
        MailService service = new MailService(
                MailServiceSettings.builder("crash", ServiceHarness.MAILER, directory).build(), mailer,
                (topic, properties) -> { });
        service.start();
        for (int i = 0; i < count; i++) {
            service.send(ServiceHarness.mail("crash " + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailer.calls().isEmpty());
        System.out.println("accepted " + count);
        System.out.flush();
        new CountDownLatch(1).await(1, TimeUnit.MINUTES);
        System.exit(3);
    }
}
