package org.presenceagent.document.policy;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * {@code <transformations>} of RFC 5025 section 3.3: the {@code provide-*} elements. The children
 * of {@code provide-devices}, {@code -persons} and {@code -services} (an {@code all-*} element or
 * selectors) are kept as DOM elements and read by the {@code PresRulesReader}; the boolean
 * permissions are kept as text so that the reader can refuse values that are not {@code
 * xs:boolean}.
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

  @XmlElement(name = "provide-user-input", namespace = PolicyBinding.PRES_RULES)
  public String provideUserInput;

  @XmlElement(name = "provide-unknown-attribute", namespace = PolicyBinding.PRES_RULES)
  public List<UnknownAttribute> provideUnknownAttributes = new ArrayList<>();

  /** Every other element: the boolean {@code provide-*} permissions and extensions. */
  @XmlAnyElement
  public List<Element> others = new ArrayList<>();

  /** A {@code provide-*} element and its children. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Provide {

    @XmlAnyElement
    public List<Element> children = new ArrayList<>();
  }

  /** {@code <provide-unknown-attribute ns name>} with its boolean text. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class UnknownAttribute {

    @XmlAttribute(name = "ns")
    public String namespace;

    @XmlAttribute(name = "name")
    public String name;

    @XmlValue
    public String value;
  }

  /** An element without content. */
  public static class Empty {}
}
