/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.metatype.AttributeDefinition;

import io.cellmail.service.config.CellularMailConfigurations;
import io.cellmail.service.config.ConfigurationStoreException;
import io.cellmail.service.config.StoredConfiguration;

/**
 * Changes configurations through the platform's {@link CellularMailConfigurations}, once the settings passed
 * {@link SettingCheck}: writes only the settings whose value changes, and tells the {@link ConfigurationJournal} of
 * every change. Finds configurations by their service's name.
 */
final class ConfigurationEditor {

    private final CellularMailConfigurations store;
    private final SettingCheck check;
    private final ConfigurationJournal journal;

    ConfigurationEditor(CellularMailConfigurations store, ConfigurationJournal journal) {
        this.store = Objects.requireNonNull(store, "store");
        this.check = new SettingCheck(store.definition());
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    SettingCheck check() {
        return check;
    }

    String platform() {
        return store.platform();
    }

    List<StoredConfiguration> all() throws UsageException {
        try {
            return store.list().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        } catch (ConfigurationStoreException e) {
            throw new UsageException(e.getMessage());
        }
    }

    Optional<StoredConfiguration> find(String name) throws UsageException {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** @return the configuration of the service of that name; an unknown name is refused with the nearest one */
    StoredConfiguration named(String name) throws UsageException {
        Optional<StoredConfiguration> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        List<String> names = all().stream().map(StoredConfiguration::name).toList();
        throw new UsageException("no mail service named '" + name + "' is configured" + NearestName.of(name, names)
                .map(near -> ": did you mean " + near + "?").orElse(names.isEmpty() ? ""
                        : "; there are: " + String.join(", ", names)));
    }

    /**
     * @param configuration the configuration to change
     * @param wanted settings, typed and checked
     * @return what changed; empty when every setting already had its value (nothing was written)
     */
    List<ConfigurationJournal.Change> change(StoredConfiguration configuration, Map<String, Object> wanted)
            throws UsageException {
        Map<String, Object> changed = new LinkedHashMap<>();
        List<ConfigurationJournal.Change> changes = new ArrayList<>();
        for (Map.Entry<String, Object> entry : wanted.entrySet()) {
            Object before = configuration.values().get(entry.getKey());
            String effective = before != null ? String.valueOf(before)
                    : check.attribute(entry.getKey()).map(ConfigurationView::defaultOf).orElse(null);
            if (!String.valueOf(entry.getValue()).equals(effective)) {
                changed.put(entry.getKey(), entry.getValue());
                changes.add(new ConfigurationJournal.Change(entry.getKey(), before, entry.getValue(), false));
            }
        }
        if (!changed.isEmpty()) {
            update(configuration, changed);
            journal.changed(store.platform(), configuration.name(), configuration.id(), changes);
        }
        return changes;
    }

    /** Sets or clears one password; its value reaches the store and nothing else. */
    void password(StoredConfiguration configuration, AttributeDefinition attribute, String password)
            throws UsageException {
        update(configuration, Map.of(attribute.getID(), password));
        journal.changed(store.platform(), configuration.name(), configuration.id(),
                List.of(new ConfigurationJournal.Change(attribute.getID(), null, password, true)));
    }

    StoredConfiguration create(String name, Map<String, Object> settings) throws UsageException {
        if (find(name).isPresent()) {
            throw new UsageException("a mail service named '" + name + "' is configured already; change it with "
                    + "cellmail:config set " + name + " key=value ...");
        }
        Object named = settings.get("cellmail.name");
        if (named != null && !name.equals(named)) {
            throw new UsageException("cellmail.name=" + named + " differs from the name given, " + name);
        }
        try {
            StoredConfiguration created = store.create(name, settings);
            List<ConfigurationJournal.Change> changes = new ArrayList<>();
            settings.forEach((key, value) -> changes.add(new ConfigurationJournal.Change(key, null, value, false)));
            journal.created(store.platform(), name, created.id(), changes);
            return created;
        } catch (ConfigurationStoreException e) {
            throw new UsageException(e.getMessage());
        }
    }

    void delete(StoredConfiguration configuration) throws UsageException {
        try {
            store.delete(configuration.id());
        } catch (ConfigurationStoreException e) {
            throw new UsageException(e.getMessage());
        }
        journal.deleted(store.platform(), configuration.name(), configuration.id());
    }

    private void update(StoredConfiguration configuration, Map<String, Object> changes) throws UsageException {
        try {
            store.update(configuration.id(), changes);
        } catch (ConfigurationStoreException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
