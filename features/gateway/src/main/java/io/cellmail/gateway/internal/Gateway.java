/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the gateway: the framework with every bundle, the configurations (the distribution's defaults or
 * the operator's directory), then the background run, the console or the demo. In the demo, or when asked, a
 * loopback SMTP server runs beside the framework and every emulated modem is routed to it.
 */
final class Gateway {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayHome home;
    private final GatewayOptions options;
    private final PrintStream out;
    private final PrintStream err;

    Gateway(GatewayHome home, GatewayOptions options, PrintStream out, PrintStream err) {
        this.home = Objects.requireNonNull(home, "home");
        this.options = Objects.requireNonNull(options, "options");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    int run() throws GatewayException, IOException, InterruptedException {
        Deadline deadline = Deadline.in(options.timeout());
        GatewayConfiguration conf = GatewayConfiguration.read(home);
        List<DefaultConfiguration> configurations = configurations(conf);
        Optional<WebConsole> webConsole = webConsole();
        BundlePlan plan = webConsole.isPresent() ? conf.bundlePlanWithWebConsole() : conf.bundlePlan();
        Optional<LoopbackSmtpServer> smtp = options.loopbackSmtp() ? Optional.of(LoopbackSmtpServer.start())
                : Optional.empty();
        try (FrameworkStorage storage = FrameworkStorage.of(options.dataDirectory())) {
            Map<String, String> properties = conf.frameworkProperties(storage,
                    options.mode() == GatewayOptions.Mode.INTERACTIVE);
            webConsole.ifPresent(console -> properties.putAll(console.frameworkProperties()));
            try (EmbeddedFramework framework = startFramework(properties, plan, smtp, deadline)) {
                ServiceWaiter waiter = new ServiceWaiter(framework.context());
                applyConfigurations(configurations, smtp, waiter, deadline);
                if (webConsole.isPresent()) {
                    webConsole.get().announce(waiter, deadline, out);
                }
                switch (options.mode()) {
                    case INTERACTIVE:
                        return new InteractiveSession(framework, smtp, out).run();
                    case DEMO:
                        return new DemoScenario(waiter, smtp.orElseThrow(), out, deadline,
                                storage.directory().resolve("demo")).run();
                    default:
                        return new BackgroundRun(framework, out).run(describe(configurations, smtp));
                }
            }
        } finally {
            smtp.ifPresent(LoopbackSmtpServer::close);
        }
    }

    private Optional<WebConsole> webConsole() throws GatewayException {
        if (options.webConsolePort().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WebConsole(options.webConsolePort().get(), WebConsoleLogin.from(System.getenv(),
                options.mode() == GatewayOptions.Mode.INTERACTIVE)));
    }

    /** @return the distribution's defaults (only in the demo), then the operator's directory */
    private List<DefaultConfiguration> configurations(GatewayConfiguration conf) throws IOException,
            GatewayException {
        List<DefaultConfiguration> configurations = new ArrayList<>();
        if (options.distributionConfigurations()) {
            configurations.addAll(conf.defaultConfigurations());
        }
        if (options.confDirectory().isPresent()) {
            Path directory = options.confDirectory().get();
            if (!Files.isDirectory(directory)) {
                throw new GatewayException("no configuration directory " + directory.toAbsolutePath());
            }
            configurations.addAll(ConfigurationFiles.read(directory));
        }
        return configurations;
    }

    private String describe(List<DefaultConfiguration> configurations, Optional<LoopbackSmtpServer> smtp) {
        List<String> sources = new ArrayList<>();
        if (options.distributionConfigurations()) {
            sources.add(home.conf().resolve(GatewayConfiguration.CONFIGURATIONS).toString());
        }
        options.confDirectory().ifPresent(dir -> sources.add(dir.toAbsolutePath().toString()));
        String from = sources.isEmpty() ? "no configuration directory (--conf DIR names one)"
                : "from " + String.join(" and ", sources);
        return configurations.size() + " configurations " + from
                + smtp.map(server -> ", emulated modems deliver to SMTP " + server.route()).orElse("");
    }

    private EmbeddedFramework startFramework(Map<String, String> properties, BundlePlan bundles,
            Optional<LoopbackSmtpServer> smtp, Deadline deadline) throws GatewayException, InterruptedException {
        BundlePlan plan = bundles.inStartLevelOrder();
        if (options.mode() == GatewayOptions.Mode.INTERACTIVE) {
            InteractiveSession.announce(plan.entries().size(), smtp, out);
        }
        EmbeddedFramework framework;
        try {
            framework = EmbeddedFramework.start(properties, plan, deadline.remaining(), this::printOsgiLog);
        } catch (BundleException e) {
            throw new GatewayException("the framework did not start: " + e.getMessage(), e);
        }
        List<String> problems = framework.problems();
        if (!problems.isEmpty()) {
            String report = "the gateway is not healthy:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", problems);
            if (options.mode() == GatewayOptions.Mode.DEMO) {
                framework.close();
                throw new GatewayException(report);
            }
            // A running gateway stays up: at the console the operator can look into it (lb, scr:list), and a
            // gateway in the field keeps sending what it can.
            out.println("WARNING: " + report);
        }
        LOG.debug("framework up with {} bundles", framework.bundles().size());
        return framework;
    }

    private void printOsgiLog(BundleContext context) {
        try {
            if (!OsgiLogPrinter.attach(context, err)) {
                LOG.debug("no OSGi log reader at the beginning start level; its warnings stay unprinted");
            }
        } catch (GatewayException e) {
            LOG.debug("cannot print the OSGi log", e);
        }
    }

    private void applyConfigurations(List<DefaultConfiguration> configurations, Optional<LoopbackSmtpServer> smtp,
            ServiceWaiter waiter, Deadline deadline) throws GatewayException, InterruptedException {
        ConfigAdminClient admin = ConfigAdminClient.connect(waiter, deadline.remaining());
        for (DefaultConfiguration configuration : configurations) {
            admin.apply(smtp.map(server -> EmulatorRoute.toLoopback(configuration, server.route()))
                    .orElse(configuration));
        }
    }
}
