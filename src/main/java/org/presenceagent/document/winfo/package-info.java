/**
 * The JAXB binding of watcher-info documents (RFC 3858, namespace {@code
 * urn:ietf:params:xml:ns:watcherinfo}), written only: {@link
 * org.presenceagent.document.winfo.WatcherInfoCodec} turns the domain's watcher list into them.
 */
@XmlSchema(
    namespace = WatcherInfoCodec.NAMESPACE,
    elementFormDefault = XmlNsForm.QUALIFIED,
    xmlns = @XmlNs(prefix = "", namespaceURI = WatcherInfoCodec.NAMESPACE))
package org.presenceagent.document.winfo;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
