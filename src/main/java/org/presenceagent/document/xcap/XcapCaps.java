package org.presenceagent.document.xcap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <xcap-caps>} (RFC 4825 section 12.2): the AUIDs, extensions and namespaces served. */
@XmlRootElement(name = "xcap-caps", namespace = XcapXml.CAPS_NAMESPACE)
@XmlAccessorType(XmlAccessType.FIELD)
public class XcapCaps {

  @XmlElementWrapper(name = "auids", namespace = XcapXml.CAPS_NAMESPACE)
  @XmlElement(name = "auid", namespace = XcapXml.CAPS_NAMESPACE)
  public List<String> auids = new ArrayList<>();

  @XmlElementWrapper(name = "extensions", namespace = XcapXml.CAPS_NAMESPACE)
  @XmlElement(name = "extension", namespace = XcapXml.CAPS_NAMESPACE)
  public List<String> extensions = new ArrayList<>();

  @XmlElementWrapper(name = "namespaces", namespace = XcapXml.CAPS_NAMESPACE)
  @XmlElement(name = "namespace", namespace = XcapXml.CAPS_NAMESPACE)
  public List<String> namespaces = new ArrayList<>();
}
