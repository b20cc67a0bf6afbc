package org.presenceagent.document.xcap;

import org.presenceagent.document.JaxbBytes;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.List;
import org.presenceagent.application.xcap.XcapRejectedException;

/** Writes {@code xcap-caps} and {@code xcap-error} documents (one cached, thread-safe context). */
public final class XcapXml {

  public static final String CAPS_NAMESPACE = "urn:ietf:params:xml:ns:xcap-caps";
  public static final String ERROR_NAMESPACE = "urn:ietf:params:xml:ns:xcap-error";
  public static final String CAPS_CONTENT_TYPE = "application/xcap-caps+xml";
  public static final String ERROR_CONTENT_TYPE = "application/xcap-error+xml";
  private static final int MAX_PHRASE_LENGTH = 200;

  private static final JAXBContext CONTEXT = createContext();

  private XcapXml() {}

  /** The server's capabilities: the AUIDs served (xcap-caps included) and their namespaces. */
  public static byte[] caps(List<String> auids, List<String> namespaces) {
    XcapCaps caps = new XcapCaps();
    caps.auids.add("xcap-caps");
    caps.auids.addAll(auids);
    caps.namespaces.add(CAPS_NAMESPACE);
    caps.namespaces.add(ERROR_NAMESPACE);
    caps.namespaces.addAll(namespaces);
    return marshal(caps);
  }

  /** The 409 body for a refused document. */
  public static byte[] error(XcapRejectedException.Conflict conflict, String phrase) {
    XcapError error = new XcapError();
    XcapError.Detail detail = new XcapError.Detail();
    detail.phrase = phrase.length() <= MAX_PHRASE_LENGTH ? phrase : phrase.substring(0, MAX_PHRASE_LENGTH) + "...";
    switch (conflict) {
      case NOT_WELL_FORMED -> error.notWellFormed = detail;
      case SCHEMA_VALIDATION_ERROR -> error.schemaValidationError = detail;
      case CONSTRAINT_FAILURE -> error.constraintFailure = detail;
    }
    return marshal(error);
  }

  private static byte[] marshal(Object document) {
    return JaxbBytes.write(CONTEXT, document);
  }

  private static JAXBContext createContext() {
    try {
      return JAXBContext.newInstance(XcapCaps.class, XcapError.class);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot create the XCAP JAXB context", e);
    }
  }
}
