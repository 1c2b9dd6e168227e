/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * How a cellmail service's configuration is read and written on the platform it runs on: ConfigAdmin with factory
 * PID {@code io.cellmail.mail} on plain Felix and Karaf, Kura's configuration service on Kura. A console or a
 * management agent uses {@link io.cellmail.service.config.CellularMailConfigurations} and never needs to know which.
 * Contracts only.
 */
@NullMarked
@Version("1.0.0")
package io.cellmail.service.config;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
