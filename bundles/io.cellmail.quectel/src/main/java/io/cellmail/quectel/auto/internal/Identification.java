/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cellmail.at.AtChannel;
import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.InfoLine;

/**
 * Asks a module what it is: {@code ATI} (manufacturer, model, revision), {@code AT+CGMM} (the model; the M95 does
 * not know it) and {@code AT+QSMTPCFG=?}, whose answer tells the SMTP client apart ({@link ModuleIdentity#familyOf}).
 * Every command is a fixed text: nothing anyone configured reaches these command lines.
 */
final class Identification {

    /** Beyond the command's own timeout, so that the engine's timeout (which resynchronises) fires first. */
    private static final Duration ENGINE_FIRST = Duration.ofSeconds(5);

    private final AtChannel channel;
    private final Duration commandTimeout;

    /**
     * @param channel an engine that accepts commands
     * @param commandTimeout how long each command may take
     */
    Identification(AtChannel channel, Duration commandTimeout) {
        this.channel = channel;
        this.commandTimeout = commandTimeout;
    }

    /**
     * @return what the module said
     * @throws AtException when it does not answer (timeout, reboot, lost link, closed engine): try again later
     * @throws InterruptedException if the thread is interrupted
     */
    ModuleIdentity ask() throws AtException, InterruptedException {
        List<String> identity = answer(AtCommand.of("ATI").expectingAnyInfo()).orElse(List.of());
        Optional<String> model = answer(AtCommand.of("AT+CGMM").expectingAnyInfo())
                .flatMap(lines -> lines.stream().filter(line -> !line.isBlank()).findFirst());
        Optional<List<String>> smtp = answer(AtCommand.of("AT+QSMTPCFG=?").expecting("+QSMTPCFG:"));
        return new ModuleIdentity(identity, model, ModuleIdentity.familyOf(smtp));
    }

    /**
     * @return the info lines, or empty when the module answered with an error final (it does not know the command)
     */
    private Optional<List<String>> answer(AtCommand command) throws AtException, InterruptedException {
        CompletableFuture<AtResponse> reply = channel.send(command.timeout(commandTimeout)).toCompletableFuture();
        try {
            AtResponse response = reply.get(commandTimeout.plus(ENGINE_FIRST).toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(response.infoLines().stream().map(InfoLine::line).toList());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AtException failure) {
                if (refused(failure)) {
                    return Optional.empty();
                }
                throw failure;
            }
            throw new AtException(AtException.Kind.PROTOCOL, command.maskedText() + " failed: " + e.getCause());
        } catch (CancellationException e) {
            throw new AtException(AtException.Kind.CANCELLED, command.maskedText() + " was cancelled");
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new AtException(AtException.Kind.TIMEOUT, command.maskedText() + " got no answer");
        } catch (InterruptedException e) {
            reply.cancel(true);
            throw e;
        }
    }

    private static boolean refused(AtException failure) {
        return switch (failure.kind()) {
            case ERROR, CME_ERROR, CMS_ERROR -> true;
            default -> false;
        };
    }
}
