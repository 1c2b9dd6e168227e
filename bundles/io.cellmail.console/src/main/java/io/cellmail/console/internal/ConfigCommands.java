/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.AttributeDefinition;

import io.cellmail.api.CellularMailService;
import io.cellmail.service.CellularMailAdmin;
import io.cellmail.service.config.CellularMailConfigurations;
import io.cellmail.service.config.StoredConfiguration;

/**
 * {@code cellmail:config}: the configuration life cycle of the mail services from the console — list, show, set,
 * create, delete, password, export and import — through the best-ranked {@link CellularMailConfigurations} (Kura's
 * where Kura runs, ConfigAdmin's elsewhere). Settings are checked against the metatype before anything changes;
 * passwords never appear on the command line or in any output, only whether they are set. Every answer is written
 * to the session's output (see {@link SessionOutput}).
 */
@Component(service = ConfigCommands.class, property = {
    "osgi.command.scope=cellmail",
    "osgi.command.function=config" })
@Descriptor("cellmail: configure the mail services")
public final class ConfigCommands {

    static final String USAGE = """
            usage: cellmail:config                                      list the mail services
                   cellmail:config show <service>                       its settings, defaults marked
                   cellmail:config set <service> key=value ...          change settings (checked first)
                   cellmail:config create <name> [key=value ...]        a new service
                   cellmail:config delete <service>                     stop it and remove its configuration
                   cellmail:config password <service> <key> [-f FILE]   set a password: typed without echo,
                                                                        or the first line of FILE; empty clears it
                   cellmail:config export <service> [--format cfg|kura] [-o FILE]
                                                                        as a .cfg file or a Kura snapshot fragment,
                                                                        passwords left out
                   cellmail:config import <FILE> [-n NAME]              a .cfg file or a Kura snapshot fragment:
                                                                        creates the service or changes it
            """;
    /** Far more than any configuration; only guards the console's memory against a wrong file. */
    static final long LARGEST_IMPORT = 1024 * 1024;
    /** Properties of a .cfg file that are ConfigAdmin's or FileInstall's, no setting. */
    private static final Set<String> CFG_BOOKKEEPING = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename");

    private final MailServices services = new MailServices();
    private final SessionOutput sessionOutput;
    private volatile CellularMailConfigurations store;
    private volatile EventAdmin eventAdmin;
    private final ConfigurationJournal journal = new ConfigurationJournal(() -> eventAdmin);

    /** The command as the console runs it: it writes to the session's output. */
    public ConfigCommands() {
        this(new SessionOutput());
    }

    ConfigCommands(SessionOutput sessionOutput) {
        this.sessionOutput = sessionOutput;
    }

    /** The best-ranked store: Kura's replaces ConfigAdmin's when it appears (greedy). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConfigurations(CellularMailConfigurations configurations) {
        store = configurations;
    }

    void unbindConfigurations(CellularMailConfigurations configurations) {
        if (store == configurations) {
            store = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventAdmin(EventAdmin admin) {
        eventAdmin = admin;
    }

    void unbindEventAdmin(EventAdmin admin) {
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMailService(CellularMailService service, Map<String, Object> properties) {
        services.addService(properties, service);
    }

    void unbindMailService(CellularMailService service, Map<String, Object> properties) {
        services.removeService(properties, service);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCellularMailAdmin(CellularMailAdmin admin, Map<String, Object> properties) {
        services.addAdmin(properties, admin);
    }

    void unbindCellularMailAdmin(CellularMailAdmin admin, Map<String, Object> properties) {
        services.removeAdmin(properties, admin);
    }

    /** Writes the configured services: name, dialect, port, state and id */
    @Descriptor("list the configured mail services: name, dialect, port, state")
    public void config() {
        config(null, "", "cfg", "", "", "list");
    }

    /** Writes what was done, or what was wrong and the usage */
    @Descriptor("show, set, create, delete, export or import the configuration of a mail service, or set a password")
    public void config(
            CommandSession session,
            @Descriptor("password: the file whose first line is the password")
            @Parameter(names = { "-f", "--file" }, absentValue = "") String file,
            @Descriptor("export: cfg (a .cfg file) or kura (a Kura snapshot fragment)")
            @Parameter(names = "--format", absentValue = "cfg") String format,
            @Descriptor("export: write to this file instead of printing")
            @Parameter(names = { "-o", "--output" }, absentValue = "") String output,
            @Descriptor("import: the name of the service to create or change, instead of the file's")
            @Parameter(names = { "-n", "--name" }, absentValue = "") String name,
            @Descriptor("list, show, set, create, delete, password, export or import") String action,
            @Descriptor("the service's name, then key=value settings; for password the key; for import the file")
            String... arguments) {
        sessionOutput.write(() -> {
            try {
                CellularMailConfigurations current = store;
                if (current == null) {
                    throw new UsageException("no configuration service is available (ConfigAdmin and MetaType, or "
                            + "Kura's configuration service, must run)");
                }
                ConfigurationEditor editor = new ConfigurationEditor(current, journal);
                List<String> args = Arrays.asList(arguments);
                switch (action) {
                    case "list":
                        return list(editor);
                    case "show":
                        StoredConfiguration shown = editor.named(first(args, "the service"));
                        return ConfigurationView.show(editor.platform(), shown, state(shown.name(), true),
                                editor.check());
                    case "set":
                        return set(editor, first(args, "the service"), rest(args));
                    case "create":
                        return create(editor, first(args, "the new service's name"), rest(args));
                    case "delete":
                        return delete(editor, first(args, "the service"));
                    case "password":
                        return password(session, editor, first(args, "the service"), second(args, "the password's key"),
                                file);
                    case "export":
                        return export(editor, first(args, "the service"), format, output);
                    case "import":
                        return importFile(editor, first(args, "the file"), name);
                    default:
                        throw new UsageException("unknown action '" + action + "'");
                }
            } catch (UsageException e) {
                return "cellmail:config: " + e.getMessage() + "\n" + USAGE;
            }
        });
    }

    private String list(ConfigurationEditor editor) throws UsageException {
        List<ConfigurationView.Row> rows = new ArrayList<>();
        for (StoredConfiguration configuration : editor.all()) {
            rows.add(new ConfigurationView.Row(configuration, state(configuration.name(), false)));
        }
        return ConfigurationView.list(editor.platform(), rows, editor.check());
    }

    private String set(ConfigurationEditor editor, String service, List<String> assignments) throws UsageException {
        StoredConfiguration configuration = editor.named(service);
        if (assignments.isEmpty()) {
            throw new UsageException("nothing to set: give key=value");
        }
        Map<String, Object> wanted = editor.check().assignments(assignments);
        List<ConfigurationJournal.Change> changes = editor.change(configuration, wanted);
        if (changes.isEmpty()) {
            return service + ": nothing changed, every setting already has that value\n";
        }
        return service + ": " + ConfigurationJournal.describe(changes) + ". " + applied(service)
                + (changes.stream().anyMatch(c -> c.key().equals("cellmail.name")) ? renamed(configuration) : "");
    }

    private String create(ConfigurationEditor editor, String name, List<String> assignments) throws UsageException {
        Map<String, Object> settings = editor.check().assignments(assignments);
        StoredConfiguration created = editor.create(name, settings);
        return "Created " + name + " (" + created.id() + ")" + (settings.isEmpty() ? ""
                : ": " + ConfigurationJournal.describeSettings(changesOf(settings))) + ". It starts now; set its passwords "
                + "with cellmail:config password " + name + " <key>.\n";
    }

    private String delete(ConfigurationEditor editor, String service) throws UsageException {
        StoredConfiguration configuration = editor.named(service);
        int queued = services.all().stream().filter(e -> e.name().equals(service)).findFirst()
                .flatMap(MailServices.Entry::admin).map(admin -> admin.counters().queued()).orElse(0);
        editor.delete(configuration);
        Object directory = configuration.values().get("outboxDirectory");
        String outbox = directory == null || String.valueOf(directory).isBlank()
                ? "outbox-" + service + " in the service bundle's data area" : String.valueOf(directory);
        return "Deleted " + service + " (" + configuration.id() + "): the service stops. "
                + (queued == 0 ? "Its outbox held no mail waiting. "
                        : "Its " + queued + (queued == 1 ? " queued mail stays" : " queued mails stay")
                                + " on disk, neither sent nor deleted. ")
                + "The outbox (" + outbox + ") is kept: a service created again with the name " + service
                + " or with outboxDirectory set to it sends what waits there.\n";
    }

    private String password(CommandSession session, ConfigurationEditor editor, String service, String key,
            String file) throws UsageException {
        StoredConfiguration configuration = editor.named(service);
        AttributeDefinition attribute = editor.check().password(key);
        String password;
        if (file.isBlank()) {
            password = PasswordInput.fromTerminal(session, attribute.getName() + " (" + key + ") of " + service
                    + ", not shown: ").orElseThrow(() -> new UsageException("this session has no terminal to read "
                            + "the password without echo: put it in a file and give --file <path>"));
        } else {
            password = PasswordInput.fromFile(file);
        }
        editor.password(configuration, attribute, password);
        return service + ": " + key + (password.isEmpty() ? " cleared. " : " set. ") + applied(service);
    }

    private String export(ConfigurationEditor editor, String service, String format, String output)
            throws UsageException {
        StoredConfiguration configuration = editor.named(service);
        String text;
        switch (format) {
            case "cfg":
                text = CfgFormat.write(configuration);
                break;
            case "kura":
                text = KuraSnapshotFormat.write(configuration, editor.check());
                break;
            default:
                throw new UsageException("--format is cfg or kura, not '" + format + "'");
        }
        if (output.isBlank()) {
            return text;
        }
        try {
            Files.writeString(Path.of(output), text, StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage());
        }
        return "Exported " + service + " to " + output + " (" + format + ")" + (configuration.passwordsSet().isEmpty()
                ? "" : "; passwords left out: " + String.join(", ", configuration.passwordsSet())) + "\n";
    }

    private String importFile(ConfigurationEditor editor, String file, String name) throws UsageException {
        String text = read(file);
        List<KuraSnapshotFormat.Entry> entries;
        if (KuraSnapshotFormat.looksLikeOne(text)) {
            entries = KuraSnapshotFormat.read(text);
        } else {
            entries = List.of(fromCfg(editor, CfgFormat.read(text)));
        }
        if (!name.isBlank() && entries.size() > 1) {
            throw new UsageException("--name names one service; " + file + " holds " + entries.size());
        }
        StringBuilder out = new StringBuilder();
        for (KuraSnapshotFormat.Entry entry : entries) {
            out.append(importOne(editor, entry, name, file));
        }
        return out.toString();
    }

    private String importOne(ConfigurationEditor editor, KuraSnapshotFormat.Entry entry, String name, String file)
            throws UsageException {
        Map<String, String> texts = new LinkedHashMap<>(entry.settings());
        String target = !name.isBlank() ? name
                : texts.getOrDefault("cellmail.name", entry.pid() == null ? "" : entry.pid());
        if (target.isBlank()) {
            throw new UsageException(file + " names no service (no cellmail.name): give --name <name>");
        }
        texts.put("cellmail.name", target);
        Map<String, Object> settings = editor.check().values(texts);
        String passwords = entry.passwordsLeftOut().isEmpty() ? ""
                : " Passwords not imported (" + String.join(", ", entry.passwordsLeftOut()) + "): set them with "
                        + "cellmail:config password " + target + " <key>.";
        Optional<StoredConfiguration> existing = editor.find(target);
        if (existing.isEmpty()) {
            StoredConfiguration created = editor.create(target, settings);
            return "Imported " + target + " from " + file + ": created (" + created.id() + ") with "
                    + settings.size() + " settings." + passwords + "\n";
        }
        List<ConfigurationJournal.Change> changes = editor.change(existing.get(), settings);
        return "Imported " + target + " from " + file + ": " + (changes.isEmpty() ? "nothing changed."
                : ConfigurationJournal.describe(changes) + ". " + applied(target).strip()) + passwords + "\n";
    }

    /** A .cfg file as one entry: passwords and ConfigAdmin's bookkeeping set apart. */
    private static KuraSnapshotFormat.Entry fromCfg(ConfigurationEditor editor, Map<String, String> properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> passwords = new ArrayList<>();
        properties.forEach((key, value) -> {
            boolean password = key.startsWith(".")
                    || editor.check().attribute(key).map(SettingCheck::isPassword).orElse(false);
            if (password) {
                passwords.add(key);
            } else if (!CFG_BOOKKEEPING.contains(key)) {
                settings.put(key, value);
            }
        });
        return new KuraSnapshotFormat.Entry(null, settings, passwords);
    }

    private static String read(String file) throws UsageException {
        try {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("cannot import " + file + ": no such file");
            }
            if (Files.size(path) > LARGEST_IMPORT) {
                throw new UsageException("cannot import " + file + ": far larger than a configuration");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("cannot import " + file + ": " + e.getMessage());
        }
    }

    /** @return what a change does to the running service */
    private String applied(String service) {
        Optional<MailServices.Entry> entry = services.all().stream().filter(e -> e.name().equals(service))
                .findFirst();
        if (entry.isEmpty()) {
            return "The service is not running now; it takes the change when it starts.\n";
        }
        int queued = entry.get().admin().map(admin -> admin.counters().queued()).orElse(0);
        return "The running service applies it now; its queued mail stays (" + queued
                + (queued == 1 ? " mail" : " mails") + " waiting).\n";
    }

    private static String renamed(StoredConfiguration before) {
        return "Renamed from " + before.name() + ": without outboxDirectory the outbox follows the name, so mail "
                + "still queued under " + before.name() + " waits in its old outbox until a service of that name "
                + "runs again.\n";
    }

    /** @return the running service's modem state, its configuration problem (in detail), or that it does not run */
    private String state(String service, boolean detail) {
        Optional<MailServices.Entry> entry = services.all().stream().filter(e -> e.name().equals(service))
                .findFirst();
        if (entry.isEmpty()) {
            return "not running";
        }
        Optional<String> problem = entry.get().admin().flatMap(CellularMailAdmin::configurationProblem);
        if (problem.isPresent()) {
            return detail ? "PROBLEM: " + problem.get() : "PROBLEM";
        }
        return String.valueOf(entry.get().service().serviceStatus().modem());
    }

    private static List<ConfigurationJournal.Change> changesOf(Map<String, Object> settings) {
        List<ConfigurationJournal.Change> changes = new ArrayList<>();
        settings.forEach((key, value) -> changes.add(new ConfigurationJournal.Change(key, null, value, false)));
        return changes;
    }

    private static String first(List<String> args, String what) throws UsageException {
        if (args.isEmpty() || args.get(0).isBlank()) {
            throw new UsageException("give " + what);
        }
        return args.get(0).strip();
    }

    private static String second(List<String> args, String what) throws UsageException {
        if (args.size() < 2 || args.get(1).isBlank()) {
            throw new UsageException("give " + what);
        }
        return args.get(1).strip();
    }

    private static List<String> rest(List<String> args) {
        return args.size() <= 1 ? List.of() : args.subList(1, args.size());
    }
}
