/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fault injection for a {@link ModemEmulator}, callable from tests and, through {@link #apply(String)}, from text.
 *
 * <p>Faults are <b>one-shot</b>: an armed fault acts once and is then forgotten. Faults marked "now" act at once;
 * the others wait for the event they name. Several faults may be armed at the same time. A <i>command prefix</i>
 * matches a command line when the line, upper-cased and without spaces, starts with the upper-cased prefix
 * ({@code AT+CSQ} matches {@code AT+CSQ} and {@code at+csq=?}).
 *
 * <h2>Text grammar of {@link #apply(String)}</h2>
 * One fault per call; names are case-insensitive, surrounding spaces are ignored.
 * <pre>
 * reboot                        now: the module reboots (boot URCs again, echo on, volatile state cleared,
 *                               a running upload or mail transaction is aborted without a result)
 * silent-reboot                 now: the module reboots without a sign on the line, like an autobauding module
 *                               whose response format was saved (ATE0, AT&amp;W): no boot URCs, echo, verbose
 *                               results and AT+CMEE stay as they were; every other volatile setting (SMTP
 *                               account, server, recipients, content, context) is cleared, the SIM asks for its
 *                               PIN again, a running upload or mail transaction is aborted without a result
 * reboot-on=PREFIX              the next matching command line is received and the module reboots instead
 *                               of answering
 * reboot-after=PREFIX           the next matching command line is answered (its immediate response, e.g. the
 *                               OK of AT+QSMTPPUT) and then the module reboots
 * pdp-deact[=0]                 now: URC "+PDP DEACT" (with =0: "0,+PDP DEACT"); the next AT+QSMTPPUT fails -8
 * network-loss                  now: URC "+PDP DEACT"; the next AT+QSMTPPUT fails -5 (cannot activate context)
 * dns-failure                   the next AT+QSMTPPUT fails -4
 * smtp-down                     the next AT+QSMTPPUT fails -5
 * smtp-delay=DURATION           the next AT+QSMTPPUT waits DURATION before its SMTP transaction starts
 *                               (a delay beyond the PUT timeout gives -9)
 * put-result-delay=DURATION     the +QSMTPPUT result line of the next AT+QSMTPPUT comes DURATION after its SMTP
 *                               transaction ended (the mail is delivered on time); the module stays busy sending
 *                               until the line comes, so SMTP writes meanwhile answer ERROR
 * smtp-reply=CODE               the next AT+QSMTPPUT ends with CODE (negative, e.g. -550) without SMTP
 * auth-failure                  the next AT+QSMTPPUT fails -535
 * mute-on=PREFIX                the next matching command line is never answered (and not executed)
 * error-on=PREFIX               the next matching command line is answered ERROR and not executed, as a module
 *                               that refuses a value does
 * cts-stall=DURATION            now: the module stops reading the line for DURATION (CTS off, as when it sleeps
 *                               or resets): what the host writes waits in the line's buffers, and a host that
 *                               writes more than they hold blocks until the stall ends
 * delay-on=PREFIX:DURATION      the answer to the next matching command line comes DURATION late
 * urc-in-reply=PREFIX:URC       the URC line is sent between the info lines and the final result code of
 *                               the next matching command line; urc-in-reply=AT+QSMTPPUT:+QSMTPPUT:0 sends a
 *                               stale result (the late result of an earlier PUT) before the OK of the next PUT
 * garbage[=TEXT]                now: raw bytes on the line; TEXT may use \r \n \t \\ and \xNN escapes
 *                               (default: \xff\xfe#@!)
 * nul[=COUNT]                   now: COUNT NUL bytes on the line (default 1)
 * sms-error=CODE[:COUNT]        the next COUNT (default 1) short messages sent (AT+CMGS, AT+QCMGS, each part
 *                               counts) end with +CMS ERROR: CODE after their text instead of being delivered,
 *                               e.g. sms-error=331 (no network service), sms-error=332:3 (network timeout)
 * sms-delay=DURATION            the answer (+CMGS: or +CMS ERROR:) to the next short message sent comes DURATION
 *                               after its Ctrl-Z; the module takes no input meanwhile, as while the network works
 * close-mid-upload              the next data-mode upload (AT+QSMTPBODY/AT+QSMTPATT) is cut: after its first
 *                               payload bytes the module closes the host connection; like a real module it
 *                               stays in data mode until +++ or its input timeout
 * DURATION                      500ms, 5s, 2m, or ISO-8601 such as PT1.5S
 * PREFIX                        a command line prefix without ':' (e.g. AT+CSQ)
 * </pre>
 * Faults that act "now" while the module is in data mode send their URC after the data-mode result, as a real
 * module holds URCs during a download.
 */
@ProviderType
public interface Faults {

    /**
     * Arms (or triggers) one fault written in the grammar above.
     *
     * @param spec e.g. {@code "delay-on=AT+CSQ:2s"}
     * @throws IllegalArgumentException if the text does not follow the grammar
     */
    void apply(String spec);

    /** Reboots the module now. */
    void reboot();

    /**
     * Reboots the module now without a sign on the line: no boot URCs, echo and result format as they were, every
     * other volatile setting cleared.
     */
    void silentReboot();

    /** @param commandPrefix reboot instead of answering the next matching command line */
    void rebootOn(String commandPrefix);

    /** @param commandPrefix reboot right after the immediate answer to the next matching command line */
    void rebootAfter(String commandPrefix);

    /**
     * Sends the {@code +PDP DEACT} URC now; the next {@code AT+QSMTPPUT} fails -8.
     *
     * @param withContextId true for the {@code 0,+PDP DEACT} form
     */
    void pdpDeactivated(boolean withContextId);

    /** Sends {@code +PDP DEACT} now; the next {@code AT+QSMTPPUT} fails -5. */
    void networkLoss();

    /** The next {@code AT+QSMTPPUT} fails -4. */
    void dnsFailure();

    /** The next {@code AT+QSMTPPUT} fails -5. */
    void smtpDown();

    /** @param delay wait before the next SMTP transaction starts */
    void smtpDelay(Duration delay);

    /**
     * @param delay how much later than the end of its SMTP transaction the result line of the next
     *     {@code AT+QSMTPPUT} comes; the module stays busy until then
     */
    void putResultDelay(Duration delay);

    /** @param code a negative result (e.g. -550) the next {@code AT+QSMTPPUT} ends with, without SMTP */
    void smtpReply(int code);

    /** The next {@code AT+QSMTPPUT} fails -535. */
    void authFailure();

    /** @param commandPrefix the next matching command line gets no answer at all */
    void muteOn(String commandPrefix);

    /** @param commandPrefix the next matching command line is answered {@code ERROR} and not executed */
    void errorOn(String commandPrefix);

    /**
     * Stops reading the line now, for a while (CTS off): the host's bytes wait in the line's buffers, and a host
     * that writes more than they hold blocks. A stall armed during another extends it.
     *
     * @param duration how long, positive
     */
    void ctsStall(Duration duration);

    /**
     * @param commandPrefix the next matching command line
     * @param delay how late its answer comes
     */
    void delayOn(String commandPrefix, Duration delay);

    /**
     * @param commandPrefix the next matching command line
     * @param urc the URC line to put between its info lines and its final result code
     */
    void urcInReply(String commandPrefix, String urc);

    /** @param bytes raw bytes to put on the line now */
    void garbage(byte[] bytes);

    /** Puts one NUL byte on the line now. */
    void nul();

    /**
     * The next short messages sent end with {@code +CMS ERROR: <code>} (numeric or verbose as {@code AT+CMEE}
     * says; plain {@code ERROR} with {@code AT+CMEE=0}) and are not delivered.
     *
     * @param cmsCode the {@code +CMS ERROR} code, 1-999: a network cause such as 21 (rejected) or 41 (temporary
     *     failure), or a module code such as 331 (no network service), 332 (network timeout), 500 (unknown)
     * @param sends how many sends in a row, at least 1; each part of a concatenated message is a send
     */
    void smsError(int cmsCode, int sends);

    /** @param delay how much later than its Ctrl-Z the answer to the next short message sent comes */
    void smsDelay(Duration delay);

    /** Cuts the host connection after the first payload bytes of the next data-mode upload. */
    void closeMidUpload();

    /** Disarms every fault that is still waiting. */
    void clear();
}
