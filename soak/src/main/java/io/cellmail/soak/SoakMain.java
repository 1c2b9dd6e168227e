/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar soak.jar [options]} (what {@code soak/run} runs): one soak run, its report on the console and,
 * with {@code --out}, in a document; see {@link SoakOptions#USAGE}.
 */
public final class SoakMain {

    /** Where the repository is when the soak is not started from its root. */
    static final String ROOT_PROPERTY = "cellmail.root";

    private SoakMain() {
    }

    /**
     * @param args see {@link SoakOptions#USAGE}
     * @throws Exception when the soak itself cannot run
     */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /**
     * @param args the command line
     * @param console where progress and the report go
     * @return 0 when the run passed, 1 when it failed, 2 for a wrong command line
     * @throws Exception when the soak itself cannot run
     */
    static int run(String[] args, PrintStream console) throws Exception {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
        SoakOptions options;
        try {
            options = SoakOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            console.println("soak: " + e.getMessage());
            console.print(SoakOptions.USAGE);
            return 2;
        }
        if (options == null) {
            console.print(SoakOptions.USAGE);
            return 0;
        }
        Soak.Result result = new Soak(options, root, console).run();
        String report = result.report().render(false);
        console.println();
        console.println(report);
        console.println("every finding and the evidence: " + result.workDirectory());
        if (options.out().isPresent()) {
            ResultsFile.write(options.out().get(), report);
            console.println("written to " + options.out().get().toAbsolutePath());
        }
        return result.report().passed() ? 0 : 1;
    }
}
