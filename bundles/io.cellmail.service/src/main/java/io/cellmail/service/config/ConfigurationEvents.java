/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.config;

import org.osgi.annotation.versioning.ProviderType;

/**
 * EventAdmin topics and property names of the events posted when an operator creates, changes or deletes the
 * configuration of a cellmail service (the {@code cellmail:config} console commands post them). An event names the
 * attributes that changed, never a value. Subscribe to {@value #TOPIC_ALL} for all of them.
 */
@ProviderType
public interface ConfigurationEvents {

    /** Prefix of every configuration topic. */
    String TOPIC_PREFIX = "io/cellmail/config/";
    /** Matches every configuration event. */
    String TOPIC_ALL = TOPIC_PREFIX + "*";
    /** A configuration was created. */
    String CREATED = TOPIC_PREFIX + "CREATED";
    /** Attributes of a configuration changed (passwords included, never their values). */
    String CHANGED = TOPIC_PREFIX + "CHANGED";
    /** A configuration was deleted. */
    String DELETED = TOPIC_PREFIX + "DELETED";

    /** Property: the service's name, {@code cellmail.name} (String). */
    String SERVICE_NAME = "service.name";
    /** Property: the platform's id of the configuration (String). */
    String CONFIGURATION_ID = "configuration.id";
    /** Property: the ids of the attributes set or changed, sorted (String[]). */
    String CHANGED_KEYS = "changed.keys";
    /** Property: where the configuration lives, {@link CellularMailConfigurations#platform()} (String). */
    String PLATFORM = "platform";
}
