package org.presenceagent.document.policy;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * {@code <transformations>} of RFC 5025 section 3.3: the {@code provide-*} elements. Their
 * children are kept as DOM elements: only the {@code all-*} forms are interpreted.
 */
@XmlAccessorType(XmlAccessType.FIELD)
public class PolicyTransformations {

  @XmlElement(name = "provide-devices", namespace = PolicyBinding.PRES_RULES)
  public Provide provideDevices;

  @XmlElement(name = "provide-persons", namespace = PolicyBinding.PRES_RULES)
  public Provide providePersons;

  @XmlElement(name = "provide-services", namespace = PolicyBinding.PRES_RULES)
  public Provide provideServices;

  @XmlElement(name = "provide-all-attributes", namespace = PolicyBinding.PRES_RULES)
  public Empty provideAllAttributes;

  @XmlAnyElement
  public List<Element> others = new ArrayList<>();

  /** A {@code provide-*} element and its children. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Provide {

    @XmlAnyElement
    public List<Element> children = new ArrayList<>();
  }

  /** An element without content. */
  public static class Empty {}
}
