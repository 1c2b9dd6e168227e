/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.Map;

/**
 * Where the service posts its events; an EventAdmin adapter in a running framework, a recording list in tests.
 * Posting must not block: the dispatcher posts from its own thread.
 */
@FunctionalInterface
public interface EventSink {

    /**
     * @param topic one of the {@link io.cellmail.api.MailEvents} topics
     * @param properties the event's properties, immutable
     */
    void post(String topic, Map<String, Object> properties);
}
