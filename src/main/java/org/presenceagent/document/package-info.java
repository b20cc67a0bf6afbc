/**
 * The {@link org.presenceagent.application.port.DocumentCodec} adapter for presence documents:
 * {@link org.presenceagent.document.PidfCodec} parses and validates published PIDF (RFC 3863,
 * with RPID and data-model extensions) and CPIM-PIDF, composes the publications of a presentity
 * into one PIDF model, and writes it as PIDF, CPIM-PIDF, XPIDF or LPIDF ({@code
 * DocumentWriter}); {@link org.presenceagent.document.SecureXml} is the single hardened XML
 * reader every XML parse in the project goes through. The mapping to the older formats, and what
 * they lose, is tabled in {@code docs/document-formats.md}.
 *
 * <p>Published PIDF is read leniently: {@code PidfValidator} refuses what is not recognisably
 * usable PIDF, {@code PidfRepairs} repairs the {@link org.presenceagent.document.Deviation}s real
 * clients are known to publish, and the codec reports each repair to a {@link
 * org.presenceagent.document.RepairCounter} (the composition root connects it to the metrics).
 *
 * <p>Belongs here: media-type handling, XML parsing and writing, RFC 3863 validation and repair,
 * format conversion and composition policy, and the few names and factories the generated classes lack
 * ({@code Pidf}, {@code Xpidf}, {@code PidfModel}). The bound classes live in one package per
 * format: {@code document.pidf} (also used for CPIM-PIDF, renamed on the SAX stream) and {@code
 * document.xpidf} are generated at build time from the schemas in {@code src/main/xsd}, so
 * nothing hand-written goes there; {@code document.lpidf} (not XML) is hand-written. This package may
 * use the application ports and the domain; nothing but the bootstrap code depends on it.
 */
package org.presenceagent.document;
