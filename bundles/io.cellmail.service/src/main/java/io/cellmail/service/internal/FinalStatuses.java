package io.cellmail.service.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.cellmail.api.MessageStatus;

/**
 * The last outcomes, so that {@code status(id)} still answers for a while after a mail left the outbox. Bounded,
 * in memory only: the durable record of an outcome is its event.
 */
final class FinalStatuses {

    static final int CAPACITY = 1000;

    private final Map<String, MessageStatus> recent = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MessageStatus> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void put(MessageStatus status) {
        recent.put(status.messageId(), status);
    }

    synchronized Optional<MessageStatus> get(String id) {
        return Optional.ofNullable(recent.get(id));
    }
}
