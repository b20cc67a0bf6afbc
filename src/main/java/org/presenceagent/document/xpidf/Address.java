package org.presenceagent.document.xpidf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <address uri="..." priority="0.8">} with its {@code <status status="open"/>} and
 * Windows Messenger's {@code <msnsubstatus substatus="online"/>}.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "address", propOrder = {"status", "msnSubstatus"})
public class Address {

  @XmlAttribute(name = "uri", required = true)
  private String uri;

  @XmlAttribute(name = "priority")
  private String priority;

  @XmlElement(name = "status", required = true)
  private StatusValue status;

  @XmlElement(name = "msnsubstatus")
  private SubstatusValue msnSubstatus;

  /** For JAXB. */
  protected Address() {}

  /**
   * @param status {@code open}, {@code closed}, {@code inuse} or {@code inactive}
   * @param msnSubstatus e.g. {@code online}, {@code away}; null for none
   */
  public Address(String uri, String priority, String status, String msnSubstatus) {
    this.uri = uri;
    this.priority = priority;
    this.status = new StatusValue(status);
    this.msnSubstatus = msnSubstatus == null ? null : new SubstatusValue(msnSubstatus);
  }

  public String getUri() {
    return uri;
  }

  public String getPriority() {
    return priority;
  }

  public String getStatus() {
    return status == null ? null : status.value;
  }

  public String getMsnSubstatus() {
    return msnSubstatus == null ? null : msnSubstatus.value;
  }

  /** {@code <status status="..."/>}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "status")
  static class StatusValue {

    @XmlAttribute(name = "status", required = true)
    private String value;

    protected StatusValue() {}

    StatusValue(String value) {
      this.value = value;
    }
  }

  /** {@code <msnsubstatus substatus="..."/>}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "msnsubstatus")
  static class SubstatusValue {

    @XmlAttribute(name = "substatus", required = true)
    private String value;

    protected SubstatusValue() {}

    SubstatusValue(String value) {
      this.value = value;
    }
  }
}
