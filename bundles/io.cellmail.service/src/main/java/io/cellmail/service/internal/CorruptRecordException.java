package io.cellmail.service.internal;

/** An outbox file cannot be read back: torn by a crash, damaged on disk, or not an outbox file at all. */
final class CorruptRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    CorruptRecordException(String message) {
        super(message);
    }

    CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
