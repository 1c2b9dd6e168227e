/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Prints warnings and errors of the OSGi Log Service (where SCR reports a component that fails to activate, or a
 * bad configuration) on the console: without it they would sit unread in the Felix Log. SLF4J output of the
 * bundles goes through slf4j-simple on its own; this covers what is logged the OSGi way.
 *
 * <p>The listener interface lives in the log bundle, so the launcher implements it with a dynamic proxy of the
 * interface that bundle exports.
 */
final class OsgiLogPrinter {

    private static final String LOG_READER = "org.osgi.service.log.LogReaderService";
    private static final String LOG_LISTENER = "org.osgi.service.log.LogListener";
    private static final String LOG_ENTRY = "org.osgi.service.log.LogEntry";
    /** {@code LogService.LOG_WARNING}: warnings and errors are printed, info and debug are not. */
    private static final int WARNING = 2;

    private OsgiLogPrinter() {
    }

    /**
     * @param context the system bundle's context
     * @param err where to print
     * @return whether a log reader was found and the printer attached
     */
    static boolean attach(BundleContext context, PrintStream err) throws GatewayException {
        Objects.requireNonNull(err, "err");
        ServiceReference<?> reference = context.getServiceReference(LOG_READER);
        if (reference == null) {
            return false;
        }
        ServiceInterface reader = ServiceInterface.of(reference, LOG_READER);
        Class<?> listenerType = reader.load(LOG_LISTENER);
        Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
                new Printer(reader.load(LOG_ENTRY), err));
        Object service = context.getService(reference);
        if (service == null) {
            return false;
        }
        reader.call(service, "addLogListener", new Class<?>[] {listenerType}, listener);
        return true;
    }

    /** Receives {@code LogListener.logged(LogEntry)}; everything else a proxy may be asked is answered plainly. */
    private static final class Printer implements InvocationHandler {

        private final Class<?> entryType;
        private final PrintStream err;

        Printer(Class<?> entryType, PrintStream err) {
            this.entryType = entryType;
            this.err = err;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "logged":
                    try {
                        print(args[0]);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // A log listener must never fail the log service; the entry is lost, nothing else.
                    }
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "cellmail-gateway log printer";
                default:
                    return null;
            }
        }

        @SuppressWarnings("deprecation")
        private void print(Object entry) throws ReflectiveOperationException {
            // Through the interface: the implementation class of the log bundle is not public.
            int level = (Integer) entryType.getMethod("getLevel").invoke(entry);
            if (level > WARNING) {
                return;
            }
            Bundle bundle = (Bundle) entryType.getMethod("getBundle").invoke(entry);
            Object message = entryType.getMethod("getMessage").invoke(entry);
            Throwable failure = (Throwable) entryType.getMethod("getException").invoke(entry);
            err.println("[" + (level == 1 ? "ERROR" : "WARN") + "] "
                    + (bundle == null ? "framework" : bundle.getSymbolicName()) + ": " + message
                    + (failure == null ? "" : " (" + failure + ")"));
        }
    }
}
