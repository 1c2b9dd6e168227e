/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The emulator in an OSGi framework: the {@code emulator:} link provider as a service, and emulated modules made
 * from factory configurations ({@code io.cellmail.emulator}), optionally served over TCP.
 *
 * <p>The requirements below make the bundle resolve only where Jakarta Mail can work. Jakarta Mail finds its SMTP
 * transport and its stream encoders with {@code java.util.ServiceLoader}, which inside OSGi needs the Service
 * Loader Mediator (Apache Aries SPI Fly): {@code jakarta.mail-api} declares itself a consumer and Angus Mail
 * registers the providers, but both only optionally, so without SPI Fly or Angus Mail every emulated send would
 * fail at run time ("No provider of jakarta.mail.util.StreamProvider was found"). Setting the thread context class
 * loader, as {@code AngusSmtpRelay} does, is not enough on its own. These annotations stand for header lines of a
 * {@code bnd.bnd}: a per-module bnd file would replace the parent POM's bnd policy instead of adding to it.
 */
// The mediator that weaves jakarta.mail-api's ServiceLoader calls (SPI Fly's processor) must be present.
@Requirement(namespace = "osgi.extender", name = "osgi.serviceloader.processor", version = "1.0.0")
// A registered provider of the SMTP transport (Angus Mail's jakarta.mail.Provider).
@Requirement(namespace = "osgi.serviceloader", name = "jakarta.mail.Provider", cardinality = Cardinality.MULTIPLE)
// A registered provider of the MIME encoders Jakarta Mail 2.1 loads (Angus Mail's StreamProvider).
@Requirement(namespace = "osgi.serviceloader", name = "jakarta.mail.util.StreamProvider",
        cardinality = Cardinality.MULTIPLE)
// A registered mailcap parser (Angus Activation's MailcapRegistryProvider): without it Jakarta Activation finds no
// content handler for multipart/mixed, and no mail with an attachment can be written.
@Requirement(namespace = "osgi.serviceloader", name = "jakarta.activation.spi.MailcapRegistryProvider",
        cardinality = Cardinality.MULTIPLE)
package io.cellmail.emulator.internal.osgi;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.annotation.bundle.Requirement.Cardinality;
