/**
 * The JAXB binding of XPIDF ({@code application/xpidf+xml}), the pre-PIDF presence format of
 * draft-rosenberg-impp-pidf-00 in the variant Windows Messenger 4.7 reads (with Microsoft's
 * {@code <msnsubstatus>}): {@code presence}, {@code presentity}, {@code atom}, {@code address},
 * {@code status}, {@code msnsubstatus}. The format has no namespace; the draft's DOCTYPE is
 * not written, as nothing needs it and our own parser would refuse it.
 *
 * <p>Only mapped classes belong here; the mapping from PIDF lives in {@code document}.
 * Hand-written (no XJC plugin is available to the offline build); the draft has a DTD, not a
 * schema.
 */
@XmlSchema(namespace = "", elementFormDefault = XmlNsForm.UNQUALIFIED)
package org.presenceagent.document.xpidf;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
