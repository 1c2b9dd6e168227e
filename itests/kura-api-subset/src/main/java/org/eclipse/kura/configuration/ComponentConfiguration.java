/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package org.eclipse.kura.configuration;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** One component's configuration as Kura's configuration service returns it (the subset leaves out its metatype). */
@ProviderType
public interface ComponentConfiguration {

    /** @return the component's {@code kura.service.pid} */
    String getPid();

    /** @return its properties, Password attributes as {@link Password} */
    Map<String, Object> getConfigurationProperties();
}
