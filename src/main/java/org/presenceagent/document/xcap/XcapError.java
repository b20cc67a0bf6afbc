package org.presenceagent.document.xcap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <xcap-error>} with one of the conflict elements of RFC 4825 section 11. */
@XmlRootElement(name = "xcap-error", namespace = XcapXml.ERROR_NAMESPACE)
@XmlAccessorType(XmlAccessType.FIELD)
public class XcapError {

  @XmlElement(name = "not-well-formed", namespace = XcapXml.ERROR_NAMESPACE)
  public Detail notWellFormed;

  @XmlElement(name = "schema-validation-error", namespace = XcapXml.ERROR_NAMESPACE)
  public Detail schemaValidationError;

  @XmlElement(name = "constraint-failure", namespace = XcapXml.ERROR_NAMESPACE)
  public Detail constraintFailure;

  /** A conflict element with its optional human-readable {@code phrase}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Detail {

    @XmlAttribute(name = "phrase")
    public String phrase;
  }
}
