/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The distribution directory: {@code cellmail-gateway.jar}, {@code lib/}, {@code bundle/}, {@code conf/} and
 * {@code webconsole/} (the web console's bundles, run only with {@code --web-console}).
 *
 * @param root the directory that holds the launcher jar
 */
record GatewayHome(Path root) {

    /** Overrides where the distribution is, e.g. when the launcher runs from classes in a test. */
    static final String HOME_PROPERTY = "cellmail.home";

    GatewayHome {
        Objects.requireNonNull(root, "root");
    }

    /** @return the distribution the running launcher belongs to */
    static GatewayHome locate() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new GatewayHome(Path.of(configured).toAbsolutePath().normalize());
        }
        try {
            Path jar = Path.of(GatewayHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new GatewayHome(jar.toAbsolutePath().getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the launcher jar is", e);
        }
    }

    Path bundles() {
        return root.resolve("bundle");
    }

    Path webConsoleBundles() {
        return root.resolve("webconsole");
    }

    Path conf() {
        return root.resolve("conf");
    }

    /**
     * @throws IllegalStateException naming what is missing when this is no gateway distribution
     */
    GatewayHome requireLayout() {
        for (Path required : new Path[] {bundles(), conf()}) {
            if (!Files.isDirectory(required)) {
                throw new IllegalStateException("not a cellmail gateway distribution, " + required
                        + " is missing (build it with: mvn -DskipTests install)");
            }
        }
        return this;
    }
}
