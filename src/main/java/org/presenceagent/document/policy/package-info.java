/**
 * The JAXB binding of authorization documents: the common-policy elements of RFC 4745 (namespace
 * {@code urn:ietf:params:xml:ns:common-policy}, this package's default) and the pres-rules
 * extensions of RFC 5025 ({@code urn:ietf:params:xml:ns:pres-rules}, named on each field). Only
 * plain mapped classes; {@link org.presenceagent.document.PresRulesReader} turns them into the
 * domain's {@code PresRules}. Unknown extension elements are kept as DOM elements so that the
 * reader can tell an unknown condition (which never matches) from an unknown action (ignored).
 */
@XmlSchema(
    namespace = PolicyBinding.COMMON_POLICY,
    elementFormDefault = XmlNsForm.QUALIFIED,
    xmlns = {
      @XmlNs(prefix = "cp", namespaceURI = PolicyBinding.COMMON_POLICY),
      @XmlNs(prefix = "pr", namespaceURI = PolicyBinding.PRES_RULES)
    })
package org.presenceagent.document.policy;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
