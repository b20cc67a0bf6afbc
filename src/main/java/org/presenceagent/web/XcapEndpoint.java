package org.presenceagent.web;

import java.util.Objects;
import org.presenceagent.application.xcap.XcapService;

/**
 * What the XCAP servlet needs, built by the composition root.
 *
 * @param service the document operations
 * @param access who may touch which documents
 * @param maxBodySize the largest document accepted, in bytes (larger ones get 413)
 */
public record XcapEndpoint(XcapService service, XcapAccess access, int maxBodySize) {

  /** The servlet-context attribute under which the composition root stores the endpoint. */
  public static final String ATTRIBUTE = XcapEndpoint.class.getName();

  public XcapEndpoint {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(access, "access");
  }
}
