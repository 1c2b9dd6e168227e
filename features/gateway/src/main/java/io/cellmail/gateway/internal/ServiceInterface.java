/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;
import org.osgi.framework.ServiceReference;

/**
 * Calls a service's methods through the interface the providing bundle sees. The launcher sits outside the
 * framework, so it cannot link against types that bundles export (ConfigurationAdmin, CommandProcessor): it loads
 * the interface through the bundle that registered the service and invokes by name. Calls through the
 * interface, not the implementation class, work even when that class is not public.
 */
final class ServiceInterface {

    private final Class<?> type;

    private ServiceInterface(Class<?> type) {
        this.type = type;
    }

    /**
     * @param reference the service
     * @param interfaceName the interface to call through, as the providing bundle sees it
     * @return the interface
     * @throws GatewayException when the bundle cannot load it
     */
    static ServiceInterface of(ServiceReference<?> reference, String interfaceName) throws GatewayException {
        Objects.requireNonNull(reference, "reference");
        try {
            return new ServiceInterface(reference.getBundle().loadClass(interfaceName));
        } catch (ClassNotFoundException | IllegalStateException e) {
            throw new GatewayException("cannot load " + interfaceName + " from the bundle providing it", e);
        }
    }

    /**
     * @param target an object implementing the interface
     * @param name the method
     * @param parameterTypes its parameter types (java.* types only)
     * @param args the arguments
     * @return what the method returned
     * @throws GatewayException wrapping whatever the method threw
     */
    Object call(Object target, String name, Class<?>[] parameterTypes, Object... args) throws GatewayException {
        try {
            Method method = type.getMethod(name, parameterTypes);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new GatewayException(type.getSimpleName() + "." + name + " failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new GatewayException("cannot call " + type.getName() + "." + name, e);
        }
    }

    /**
     * @param name a type the providing bundle sees, e.g. a listener interface of the same API
     * @return it
     * @throws GatewayException when it cannot be loaded
     */
    Class<?> load(String name) throws GatewayException {
        try {
            return Class.forName(name, false, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new GatewayException("cannot load " + name, e);
        }
    }

    /**
     * @param sibling another interface of the same package family, e.g. {@code Configuration} next to
     *        {@code ConfigurationAdmin}
     * @return it, loaded by the same class loader
     * @throws GatewayException when it cannot be loaded
     */
    ServiceInterface sibling(String sibling) throws GatewayException {
        return new ServiceInterface(load(sibling));
    }
}
