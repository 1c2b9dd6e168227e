/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.cellmail.emulator.ModemEmulator;

/**
 * Starts the gateway's runs, one after the other, on the same storage: plugs in the module the plan names for the
 * run, notes which mail waits in the outbox, starts the process with a log of its own, and keeps the restarts.
 */
final class GatewayRuns {


    private final GatewayInstall install;
    private final ModulePlan plan;
    private final ModemLine line;
    private final Modules modules;
    private final ChildProcesses children;
    private final Path work;
    private final Path outbox;
    private final List<Restart> restarts = new ArrayList<>();
    private int next;

    GatewayRuns(GatewayInstall install, ModulePlan plan, ModemLine line, Modules modules, ChildProcesses children,
            Path work, Path outbox) {
        this.install = Objects.requireNonNull(install, "install");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.line = Objects.requireNonNull(line, "line");
        this.modules = Objects.requireNonNull(modules, "modules");
        this.children = Objects.requireNonNull(children, "children");
        this.work = Objects.requireNonNull(work, "work");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** @return whether the next run is the first on the lenient module after runs on the strict one */
    boolean nextPlugsInLenient() {
        return plan.lenient(next) && !plan.lenient(next - 1);
    }

    /**
     * @return the next run, started
     * @throws IOException when the process cannot be started or the outbox not listed
     */
    GatewayProcess startNext() throws IOException {
        int run = next++;
        ModemEmulator module = plan.lenient(run) ? modules.lenient() : modules.strict();
        if (line.module() != module) {
            // Faults armed on the module being unplugged would act when it comes back; they belong to its run.
            line.module().faults().clear();
            line.plugIn(module);
        }
        Set<String> pending = outboxIds();
        GatewayProcess gateway = GatewayProcess.start(run, install, children,
                work.resolve(String.format("gateway-%03d.log", run)));
        if (run > 0) {
            restarts.add(new Restart(run, gateway.startedAt(), modules.nameOf(module), pending));
        }
        return gateway;
    }

    /** @return every restart so far */
    List<Restart> restarts() {
        return List.copyOf(restarts);
    }

    /**
     * @return the ids of the mail in the outbox now
     * @throws IOException when the directory cannot be listed
     */
    Set<String> outboxIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String name : names(outbox)) {
            OutboxFileId.of(outbox.resolve(name)).ifPresent(ids::add);
        }
        return ids;
    }

    /**
     * @return the files the service moved to {@code corrupt/}
     * @throws IOException when the directory cannot be listed
     */
    Set<String> setAside() throws IOException {
        return names(outbox.resolve("corrupt"));
    }

    private static Set<String> names(Path directory) throws IOException {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        }
        return names;
    }
}
