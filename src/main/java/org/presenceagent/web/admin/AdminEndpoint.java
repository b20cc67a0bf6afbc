package org.presenceagent.web.admin;

import java.util.Objects;
import org.presenceagent.application.manage.ManagementService;

/**
 * What the admin servlet needs, built by the composition root.
 *
 * @param management the operations
 * @param access who may call them
 * @param maxBodySize the largest document accepted for a publication, in bytes
 */
public record AdminEndpoint(ManagementService management, AdminAccess access, int maxBodySize) {

  /** The servlet-context attribute under which the composition root stores the endpoint. */
  public static final String ATTRIBUTE = AdminEndpoint.class.getName();

  public AdminEndpoint {
    Objects.requireNonNull(management, "management");
    Objects.requireNonNull(access, "access");
  }
}
