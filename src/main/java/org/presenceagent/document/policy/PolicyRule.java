package org.presenceagent.document.policy;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <rule id>} with its optional conditions, actions and transformations (RFC 4745 section 6). */
@XmlAccessorType(XmlAccessType.FIELD)
public class PolicyRule {

  @XmlAttribute(name = "id")
  public String id;

  @XmlElement(name = "conditions")
  public PolicyConditions conditions;

  @XmlElement(name = "actions")
  public PolicyActions actions;

  @XmlElement(name = "transformations")
  public PolicyTransformations transformations;
}
