package org.presenceagent.document.xpidf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code <atom id="...">}: one unit of presence, the XPIDF ancestor of the PIDF tuple. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "atom")
public class Atom {

  @XmlAttribute(name = "id", required = true)
  private String id;

  @XmlElement(name = "address")
  private List<Address> addresses = new ArrayList<>();

  /** For JAXB. */
  protected Atom() {}

  public Atom(String id, Address address) {
    this.id = id;
    this.addresses.add(address);
  }

  public String getId() {
    return id;
  }

  public List<Address> getAddresses() {
    return addresses;
  }
}
