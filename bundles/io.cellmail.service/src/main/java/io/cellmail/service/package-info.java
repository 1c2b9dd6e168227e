/**
 * Configuration of a cellmail mail service: {@link io.cellmail.service.MailServiceSettings}, the one settings type
 * every configuration front end (Declarative Services, Kura) maps its properties to.
 */
@Version("1.0.0")
package io.cellmail.service;

import org.osgi.annotation.versioning.Version;
