/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What this bundle exports is contracts only — interfaces, annotations, records, enums and exceptions — so that
 * a refactoring of the implementation is never an API change, and no other bundle can extend a class of ours.
 * {@code CellularMailService} is the only "mail service" a reader of the API meets.
 */
class ExportedApiTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void shouldExportOnlyInterfacesAnnotationsRecordsEnumsAndExceptions() throws Exception {
        List<String> implementations = new ArrayList<>();
        for (Class<?> type : exportedTypes()) {
            boolean contract = type.isInterface() || type.isRecord() || type.isEnum()
                    || Throwable.class.isAssignableFrom(type);
            if (!contract) {
                implementations.add(type.getName());
            }
        }

        assertThat(implementations).as("exported classes that implement something").isEmpty();
    }

    @Test
    void shouldNameNoExportedTypeAMailServiceButTheApisOwn() throws Exception {
        assertThat(exportedTypes()).extracting(Class::getSimpleName).noneMatch(name -> name.contains("MailService"));
    }

    @Test
    void shouldExportTheServicePackagesAtTheirPackageInfoVersions() throws Exception {
        assertThat(exportPackage()).contains("io.cellmail.service;version=\"3.1.0\"")
                .contains("io.cellmail.service.spi;version=\"3.1.0\"")
                .contains("io.cellmail.service.sms;version=\"1.0.0\"")
                .contains("io.cellmail.service.config;version=\"1.0.0\"");
    }

    /** @return the public top-level types of every exported package */
    private static List<Class<?>> exportedTypes() throws Exception {
        List<Class<?>> types = new ArrayList<>();
        for (String exported : exportedPackages()) {
            try (Stream<Path> files = Files.list(CLASSES.resolve(exported.replace('.', '/')))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                        Class<?> type = Class.forName(exported + "." + name.substring(0, name.length() - 6));
                        if (Modifier.isPublic(type.getModifiers())) {
                            types.add(type);
                        }
                    }
                }
            }
        }
        assertThat(types).as("exported types").isNotEmpty();
        return types;
    }

    private static List<String> exportedPackages() throws Exception {
        List<String> packages = new ArrayList<>();
        // Package names never hold commas; attributes (version, uses) follow a semicolon.
        for (String clause : exportPackage().split(",(?=[a-z][\\w.]*;)")) {
            packages.add(clause.substring(0, clause.indexOf(';')).strip());
        }
        return packages;
    }

    private static String exportPackage() throws Exception {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes().getValue("Export-Package");
        }
    }
}
