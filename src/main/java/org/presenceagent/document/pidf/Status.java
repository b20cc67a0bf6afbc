package org.presenceagent.document.pidf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * A tuple's status (RFC 3863 section 4.1.3): the optional {@code <basic>} open/closed value and
 * any status extensions (e.g. {@code <im:im>busy</im:im>}), kept as DOM so they pass through.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "status", propOrder = {"basic", "extensions"})
public class Status {

  // A string, not an enum: JAXB silently maps an unknown enum value to null, and the validator
  // must see the wrong value to reject it.
  @XmlElement(name = "basic")
  private String basic;

  @XmlAnyElement(lax = false)
  private List<Element> extensions = new ArrayList<>();

  /** For JAXB. */
  protected Status() {}

  public Status(String basic) {
    this.basic = basic;
  }

  /** {@code open}, {@code closed}, or null when the status has no basic element. */
  public String getBasic() {
    return basic;
  }

  public List<Element> getExtensions() {
    return extensions;
  }
}
