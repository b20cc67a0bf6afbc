package org.presenceagent.document.policy;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** {@code <conditions>}: identity, sphere, validity (RFC 4745 section 7) and unknown extensions. */
@XmlAccessorType(XmlAccessType.FIELD)
public class PolicyConditions {

  @XmlElement(name = "identity")
  public List<Identity> identities = new ArrayList<>();

  @XmlElement(name = "sphere")
  public List<Sphere> spheres = new ArrayList<>();

  @XmlElement(name = "validity")
  public List<ValidityElement> validities = new ArrayList<>();

  @XmlAnyElement
  public List<Element> others = new ArrayList<>();

  /**
   * {@code <identity>}: {@code one} and {@code many} children (section 7.1), and the draft syntax
   * the seed's documents use: {@code <id>URI</id>}, {@code <domain domain>} and {@code <except
   * entity>} (a user of those domains).
   */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Identity {

    @XmlElement(name = "one")
    public List<One> ones = new ArrayList<>();

    @XmlElement(name = "many")
    public List<Many> manies = new ArrayList<>();

    @XmlElement(name = "id")
    public List<String> draftIds = new ArrayList<>();

    @XmlElement(name = "domain")
    public List<DraftDomain> draftDomains = new ArrayList<>();

    @XmlElement(name = "except")
    public List<DraftExcept> draftExcepts = new ArrayList<>();
  }

  /** Draft {@code <domain domain>}: everybody of one domain. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class DraftDomain {

    @XmlAttribute(name = "domain")
    public String domain;
  }

  /** Draft {@code <except entity>}: a user (part before the @) left out of the domains. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class DraftExcept {

    @XmlAttribute(name = "entity")
    public String entity;
  }

  /** {@code <one id>} (section 7.1.1). */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class One {

    @XmlAttribute(name = "id")
    public String id;
  }

  /** {@code <many domain?>} with its {@code except} children (section 7.1.2). */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Many {

    @XmlAttribute(name = "domain")
    public String domain;

    @XmlElement(name = "except")
    public List<Except> excepts = new ArrayList<>();
  }

  /** {@code <except id? domain?>} (section 7.1.2). */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Except {

    @XmlAttribute(name = "id")
    public String id;

    @XmlAttribute(name = "domain")
    public String domain;
  }

  /** {@code <sphere value>} (section 7.2). */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Sphere {

    @XmlAttribute(name = "value")
    public String value;
  }

  /** {@code <validity>}: pairs of {@code from} and {@code until} (section 7.3). */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class ValidityElement {

    @XmlElement(name = "from")
    public List<String> from = new ArrayList<>();

    @XmlElement(name = "until")
    public List<String> until = new ArrayList<>();
  }
}
