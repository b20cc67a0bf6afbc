package org.presenceagent.document.policy;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <ruleset>} (RFC 4745 section 6). */
@XmlRootElement(name = "ruleset")
@XmlAccessorType(XmlAccessType.FIELD)
public class Ruleset {

  @XmlElement(name = "rule")
  public List<PolicyRule> rules = new ArrayList<>();
}
