package io.cellmail.gateway.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the gateway: a loopback SMTP server, the framework with every bundle, the default configuration
 * (its emulated modem routed to that SMTP server), then the demo or the console.
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
        try (LoopbackSmtpServer smtp = LoopbackSmtpServer.start();
                FrameworkStorage storage = FrameworkStorage.of(options.dataDirectory())) {
            Map<String, String> properties = conf.frameworkProperties(storage,
                    options.mode() == GatewayOptions.Mode.INTERACTIVE);
            try (EmbeddedFramework framework = startFramework(properties, conf, smtp, deadline)) {
                ServiceWaiter waiter = new ServiceWaiter(framework.context());
                applyConfigurations(conf.defaultConfigurations(), smtp, waiter, deadline);
                if (options.mode() == GatewayOptions.Mode.INTERACTIVE) {
                    return new InteractiveSession(framework, smtp, out).run();
                }
                return new DemoScenario(waiter, smtp, out, deadline, storage.directory().resolve("demo"))
                        .run();
            }
        }
    }

    private EmbeddedFramework startFramework(Map<String, String> properties, GatewayConfiguration conf,
            LoopbackSmtpServer smtp, Deadline deadline) throws GatewayException, InterruptedException {
        BundlePlan plan = conf.bundlePlan().inStartLevelOrder();
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
            // At the console the operator can look into it (lb, scr:list).
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

    private void applyConfigurations(List<DefaultConfiguration> configurations, LoopbackSmtpServer smtp,
            ServiceWaiter waiter, Deadline deadline) throws GatewayException, InterruptedException {
        ConfigAdminClient admin = ConfigAdminClient.connect(waiter, deadline.remaining());
        for (DefaultConfiguration configuration : configurations) {
            admin.apply(EmulatorRoute.toLoopback(configuration, smtp.route()));
        }
    }
}
