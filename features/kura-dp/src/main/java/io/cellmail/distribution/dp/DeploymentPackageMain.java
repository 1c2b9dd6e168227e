/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.dp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's entry point: {@code <output.dp> <symbolic name> <version> <entry time ISO-8601> <group.list>[,<group.list>]...}.
 * The package carries the jars of the named runtime bundle set groups ({@link BundleSetList}), group after group,
 * each in its own order: that is the order Deployment Admin installs them in.
 */
public final class DeploymentPackageMain {

    private DeploymentPackageMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            throw new IllegalArgumentException(
                    "usage: <output.dp> <symbolic name> <version> <entry time> <group.list>...");
        }
        List<Path> bundles = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            // The build passes the groups as one comma-separated argument, defined once in its pom.
            for (String list : args[i].split(",")) {
                bundles.addAll(BundleSetList.jars(Path.of(list.strip())));
            }
        }
        String version = osgiVersion(args[2]);
        new DeploymentPackageWriter(args[1], version, Instant.parse(args[3])).write(Path.of(args[0]), bundles);
    }

    /** {@code 0.1.0-SNAPSHOT} → {@code 0.1.0.SNAPSHOT}: Deployment Admin wants an OSGi version. */
    static String osgiVersion(String mavenVersion) {
        String[] parts = mavenVersion.split("-", 2);
        String[] numbers = parts[0].split("\\.");
        StringBuilder version = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            version.append(i > 0 ? "." : "").append(i < numbers.length ? Integer.parseInt(numbers[i]) : 0);
        }
        if (parts.length > 1) {
            version.append('.').append(parts[1].replaceAll("[^A-Za-z0-9_-]", "_"));
        }
        return version.toString();
    }
}
