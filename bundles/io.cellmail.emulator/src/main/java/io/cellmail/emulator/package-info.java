/**
 * A faithful Quectel GSM SMTP modem emulator: {@link io.cellmail.emulator.ModemEmulator} answers the AT commands
 * of the module's SMTP manual over plain byte streams, relays the mail it is asked to send to a real SMTP server,
 * and takes scripted {@link io.cellmail.emulator.Faults faults}; every line is kept in a
 * {@link io.cellmail.emulator.ModuleTranscript transcript}.
 */
@Version("1.0.0")
package io.cellmail.emulator;

import org.osgi.annotation.versioning.Version;
