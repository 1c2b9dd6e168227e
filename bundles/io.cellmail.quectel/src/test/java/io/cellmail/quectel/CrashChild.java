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

import io.cellmail.api.MailMessage;
import io.cellmail.service.internal.MailService;

/**
 * The child process of {@link CrashTest}: a mail service with the real Quectel driver on an in-process emulator
 * whose line runs at 9600 baud, so that an upload takes seconds. It accepts N mails, prints {@code accepted N},
 * prints {@code uploading} as soon as the module starts taking the body of the second mail, and waits to be
 * killed. Exits by itself after a minute, so a test that dies first leaves no process behind for long.
 */
public final class CrashChild {

    /** The body of the mails after the first: about three seconds on a 9600 baud line. */
    static final int LONG_BODY = 3000;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path outbox = Path.of(args[0]);
        int smtpPort = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        ModemBench bench = new ModemBench(smtpPort, e -> e.baud(9600), "?baud=9600");
        MailService service = bench.service(outbox, (topic, properties) -> { });
        for (int i = 0; i < count; i++) {
            service.send(mail(i));
        }
        System.out.println("accepted " + count);
        System.out.flush();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> bench.commands().stream().filter(c -> c.startsWith("AT+QSMTPBODY=")).count() >= 2);
        System.out.println("uploading");
        System.out.flush();
        new CountDownLatch(1).await(1, TimeUnit.MINUTES);
        System.exit(3);
    }

    /** @return mail {@code i}: the first with a short body, the others with one that takes a while to upload */
    static MailMessage mail(int i) {
        String body = i == 0 ? "first" : ("crash " + i + " ").repeat(LONG_BODY / 8).substring(0, LONG_BODY);
        return MailMessage.builder().id("crash-" + i).to("ops@example.com").subject("crash " + i).body(body).build();
    }
}
