package io.cellmail.api;

/** Network registration as {@code AT+CREG?} reports it, plus what cellmail knows of the SIM. */
public enum Registration {
    /** Not known yet. */
    UNKNOWN,
    /** No SIM, or the SIM waits for a PIN. */
    NO_SIM,
    /** Not registered and not searching. */
    NOT_REGISTERED,
    /** Searching for a network. */
    SEARCHING,
    /** Registration was denied. */
    DENIED,
    /** Registered on the home network. */
    HOME,
    /** Registered, roaming. */
    ROAMING;

    /** @return true when mail can go out over this registration */
    public boolean isRegistered() {
        return this == HOME || this == ROAMING;
    }
}
