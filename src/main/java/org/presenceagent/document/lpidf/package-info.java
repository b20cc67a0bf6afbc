/**
 * LPIDF ({@code application/lpidf+xml}, draft-rosenberg-impp-lpidf): despite the "+xml" in its
 * media type, a list of header-like lines, {@code To: <presentity>} and one {@code Contact:
 * <uri>;q=1} (open) or {@code q=0} (closed) per address, as SER's {@code pa} wrote it for the
 * first SIP phones. Not XML, so not JAXB: a typed model whose encoder refuses values that could
 * break a line or an angle-bracketed URI, the same guarantee a SIP stack gives its headers.
 */
package org.presenceagent.document.lpidf;
