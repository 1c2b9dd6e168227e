/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;

import org.apache.felix.metatype.DefaultMetaTypeProvider;
import org.apache.felix.metatype.MetaData;
import org.apache.felix.metatype.MetaDataReader;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cellmail.service.CellularMailConfiguration;

/**
 * The metatype bnd generated for the service bundle ({@code OSGI-INF/metatype/io.cellmail.mail.xml} in its jar),
 * read and validated by Felix's own MetaType implementation, as the ConfigAdmin store hands it to the console.
 */
final class ServiceMetatype {

    private ServiceMetatype() {
    }

    static ObjectClassDefinition definition() {
        String resource = "OSGI-INF/metatype/" + CellularMailConfiguration.FACTORY_PID + ".xml";
        URL url = CellularMailConfiguration.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the test class path");
        }
        try (InputStream in = url.openStream()) {
            MetaData metaData = new MetaDataReader().parse(in);
            return new DefaultMetaTypeProvider(resourcelessBundle(), metaData)
                    .getObjectClassDefinition(CellularMailConfiguration.FACTORY_PID, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Felix looks for localisation resources in the bundle; the generated metatype has no localised text. */
    @SuppressWarnings("JdkObsolete") // Bundle.getHeaders returns a Dictionary: Hashtable is the one at hand
    private static Bundle resourcelessBundle() {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> Bundle.ACTIVE;
                    case "getBundleId", "getLastModified" -> 1L;
                    case "getHeaders" -> new java.util.Hashtable<String, String>();
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
