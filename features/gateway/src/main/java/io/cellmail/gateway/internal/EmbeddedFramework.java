/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OSGi framework in this JVM, found through {@link FrameworkFactory} (so any R7 framework on the classpath
 * would do; the distribution ships Apache Felix), running the bundles of a {@link BundlePlan}: every bundle is
 * installed with its start level and marked for start, then the framework's start level is raised to the highest
 * one, which starts them level by level.
 */
final class EmbeddedFramework implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFramework.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final Framework framework;
    private final List<Bundle> installed = new ArrayList<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    private EmbeddedFramework(Framework framework) {
        this.framework = framework;
    }

    /**
     * Starts a framework and every bundle of the plan, in start-level order.
     *
     * @param properties the framework properties
     * @param plan the bundles and their start levels
     * @param timeout how long the start-level walk may take
     * @param beforeRaise called once the framework runs at its beginning start level, before the others start
     *        (e.g. to attach a log listener to a log service started there)
     * @return the running framework; problems with single bundles are in {@link #problems()}
     * @throws BundleException when the framework itself cannot start or a bundle cannot be installed
     * @throws InterruptedException when interrupted while waiting for the start levels
     */
    static EmbeddedFramework start(Map<String, String> properties, BundlePlan plan, Duration timeout,
            Consumer<BundleContext> beforeRaise) throws BundleException, InterruptedException {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(plan, "plan");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the launcher's classpath"));
        EmbeddedFramework running = new EmbeddedFramework(factory.newFramework(properties));
        try {
            running.boot(plan, timeout, Objects.requireNonNull(beforeRaise, "beforeRaise"));
            return running;
        } catch (BundleException | InterruptedException | RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private void boot(BundlePlan plan, Duration timeout, Consumer<BundleContext> beforeRaise)
            throws BundleException, InterruptedException {
        framework.init((FrameworkEvent event) -> recordError(event));
        BundleContext context = framework.getBundleContext();
        context.addFrameworkListener(this::recordError);
        // A kept storage already holds the bundles of an earlier run: update those still planned from their jars
        // (same bundle id, so their data areas, outboxes included, stay), drop those no longer planned.
        Map<String, Bundle> cached = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != Constants.SYSTEM_BUNDLE_ID) {
                cached.put(bundle.getLocation(), bundle);
            }
        }
        for (BundlePlan.Entry entry : plan.entries()) {
            String location = entry.file().toUri().toString();
            Bundle bundle = cached.remove(location);
            if (bundle == null) {
                bundle = context.installBundle(location);
            } else {
                bundle.update();
            }
            bundle.adapt(BundleStartLevel.class).setStartLevel(entry.startLevel());
            if (!isFragment(bundle)) {
                // Persistent start: the bundle starts as soon as the framework reaches its start level.
                bundle.start();
            }
            installed.add(bundle);
            LOG.debug("installed {} at start level {}", bundle.getSymbolicName(), entry.startLevel());
        }
        for (Bundle stale : cached.values()) {
            LOG.debug("uninstalling {}, no longer in the bundle list", stale.getLocation());
            stale.uninstall();
        }
        framework.start();
        beforeRaise.accept(context);
        CountDownLatch reached = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(plan.highestStartLevel(),
                event -> reached.countDown());
        if (!reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            errors.add("the framework did not reach start level " + plan.highestStartLevel() + " within "
                    + timeout.toSeconds() + " s");
        }
    }

    private void recordError(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR) {
            Throwable cause = event.getThrowable();
            String bundle = event.getBundle() == null ? "framework" : event.getBundle().getSymbolicName();
            errors.add(bundle + ": " + (cause == null ? "error" : cause.getMessage()));
            LOG.debug("framework error from {}", bundle, cause);
        }
    }

    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    /** @return the system bundle's context */
    BundleContext context() {
        return framework.getBundleContext();
    }

    /** @return the bundles of the plan, in install order */
    List<Bundle> bundles() {
        return List.copyOf(installed);
    }

    /**
     * @return one line per problem: a bundle that is not active (a fragment: not resolved), and every error the
     *         framework reported while starting; empty when the gateway is healthy
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : installed) {
            int expected = isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " is "
                        + BundleStates.name(bundle.getState()) + ", expected " + BundleStates.name(expected));
            }
        }
        synchronized (errors) {
            problems.addAll(errors);
        }
        return problems;
    }

    /**
     * Waits until the framework stops: from the inside (the console's {@code exit}, a management agent), or because
     * the JVM is asked to end (Ctrl-C, SIGTERM), which then stops the framework first so that every bundle ends
     * cleanly.
     *
     * @throws InterruptedException when interrupted
     */
    void runUntilStopped() throws InterruptedException {
        Thread stopOnSignal = new Thread(this::close, "cellmail-gateway-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            framework.waitForStop(0);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running: it stops the framework itself.
            }
        }
    }

    /** Stops the framework and waits a bounded time for it. */
    @Override
    public void close() {
        try {
            framework.stop();
            FrameworkEvent stopped = framework.waitForStop(STOP_WAIT.toMillis());
            if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("the framework did not stop within {} s", STOP_WAIT.toSeconds());
            }
        } catch (BundleException e) {
            LOG.warn("stopping the framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
