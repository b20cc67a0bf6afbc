/**
 * The JAXB binding of the XCAP server's own documents (RFC 4825): {@code xcap-caps} (section
 * 12.2, namespace {@code urn:ietf:params:xml:ns:xcap-caps}) and {@code xcap-error} (section 11,
 * namespace {@code urn:ietf:params:xml:ns:xcap-error}), written only, never read. {@link
 * org.presenceagent.document.xcap.XcapXml} marshals them.
 */
@XmlSchema(
    elementFormDefault = XmlNsForm.QUALIFIED,
    xmlns = {
      @XmlNs(prefix = "", namespaceURI = XcapXml.CAPS_NAMESPACE),
      @XmlNs(prefix = "err", namespaceURI = XcapXml.ERROR_NAMESPACE)
    })
package org.presenceagent.document.xcap;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
