package org.presenceagent.web;

import javax.servlet.ServletContext;
import javax.servlet.UnavailableException;

/**
 * Finds what a servlet serves in the servlet context, where {@code PresenceAgentBootstrap} put it
 * before any servlet starts. Missing means the application did not start: the servlet is then
 * unavailable rather than failing on every request.
 */
public final class EndpointLookup {

  private EndpointLookup() {}

  /**
   * @param what how the endpoint is named in the error, e.g. {@code "XCAP endpoint"}
   * @throws UnavailableException when the attribute is missing or of another type
   */
  public static <T> T required(ServletContext context, String attribute, Class<T> type, String what)
      throws UnavailableException {
    Object value = context.getAttribute(attribute);
    if (!type.isInstance(value)) {
      throw new UnavailableException("Presence Agent did not start: no " + what + " in the servlet context");
    }
    return type.cast(value);
  }
}
