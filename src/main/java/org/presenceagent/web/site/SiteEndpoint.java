package org.presenceagent.web.site;

import java.util.Objects;
import org.presenceagent.web.admin.AdminAccess;

/**
 * What the site's servlets need, built by the composition root.
 *
 * @param version this build's version, shown on the landing page
 * @param metricsEnabled whether {@code /metrics} serves anything (the landing page links it only then)
 * @param consoleAccess the admin API's rules, which the console's files follow too (loopback unless
 *     {@code admin_remote=1})
 */
public record SiteEndpoint(String version, boolean metricsEnabled, AdminAccess consoleAccess) {

  /** The servlet-context attribute under which the composition root stores the endpoint. */
  public static final String ATTRIBUTE = SiteEndpoint.class.getName();

  public SiteEndpoint {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(consoleAccess, "consoleAccess");
  }
}
