/**
 * The JAXB binding of the Presence Information Data Format (PIDF, RFC 3863 section 4): the
 * {@code presence}, {@code tuple}, {@code status}, {@code contact} and {@code note} elements of
 * namespace {@code urn:ietf:params:xml:ns:pidf}. The pre-RFC CPIM-PIDF uses the same classes: its
 * namespace is renamed on the SAX stream in both directions ({@code document.NamespaceRenamer}).
 *
 * <p>Only plain mapped classes belong here, no validation or composition logic. Extension
 * elements (RFC 3863 section 5; e.g. RPID, RFC 4480) are kept as DOM elements so that documents
 * we only partly understand are forwarded unchanged. The classes are hand-written (no XJC plugin
 * is available to the offline build) and are meant to be replaced by classes generated from the
 * RFC 3863 schema.
 */
@XmlSchema(
    namespace = Pidf.NAMESPACE,
    elementFormDefault = XmlNsForm.QUALIFIED,
    // Makes PIDF the default namespace of composed documents, as in every RFC 3863 example,
    // instead of JAXB's generated "ns2:" prefixes.
    xmlns = @XmlNs(prefix = "", namespaceURI = Pidf.NAMESPACE))
package org.presenceagent.document.pidf;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
