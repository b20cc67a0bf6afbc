/**
 * The {@link org.presenceagent.application.port.DocumentCodec} adapter for PIDF (RFC 3863):
 * {@link org.presenceagent.document.PidfCodec} parses and validates published documents and
 * composes the documents sent to watchers, and {@link org.presenceagent.document.SecureXml} is
 * the single hardened XML reader every XML parse in the project goes through.
 *
 * <p>Belongs here: media-type handling, XML parsing and writing, RFC 3863 validation and
 * composition policy. The JAXB classes themselves live in {@code document.pidf}. This package may
 * use the application ports and the domain; nothing but the bootstrap code depends on it.
 */
package org.presenceagent.document;
