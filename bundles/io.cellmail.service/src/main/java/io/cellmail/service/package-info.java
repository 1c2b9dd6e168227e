/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * How a cellmail {@link io.cellmail.api.CellularMailService} is configured and operated: its configuration
 * ({@link io.cellmail.service.CellularMailConfiguration}), operator access ({@link io.cellmail.service.CellularMailAdmin})
 * and the factory a second configuration front end (Kura) runs it through. Contracts only: the implementation is
 * private to this bundle.
 */
@NullMarked
@Version("3.1.0")
package io.cellmail.service;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
