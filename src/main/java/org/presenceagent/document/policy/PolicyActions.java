package org.presenceagent.document.policy;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** {@code <actions>}: RFC 5025's {@code sub-handling} and the seed's {@code im-handling}; other actions are kept and ignored. */
@XmlAccessorType(XmlAccessType.FIELD)
public class PolicyActions {

  @XmlElement(name = "sub-handling", namespace = PolicyBinding.PRES_RULES)
  public String subHandling;

  /** The seed's MESSAGE authorization action ({@code urn:iptel:xml:ns:im-rules}). */
  @XmlElement(name = "im-handling", namespace = PolicyBinding.IM_RULES)
  public String imHandling;

  @XmlAnyElement
  public List<Element> others = new ArrayList<>();
}
