package org.presenceagent.web.admin;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.presenceagent.application.manage.ManagementService;
import org.presenceagent.application.manage.SubscriberManagement;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.domain.shared.Aor;

/**
 * What the admin servlet needs, built by the composition root.
 *
 * @param management the operations
 * @param access who may call them
 * @param maxBodySize the largest document accepted for a publication, in bytes
 * @param sessions the browser console's signed-in operators
 * @param counters the live counters of the console
 * @param presRules a presentity's pres-rules document (RFC 5025) as stored, read-only, for the console
 * @param subscribers the subscriber store's operations
 * @param cluster the view of the cluster's nodes and owners ({@code GET /admin/cluster})
 */
public record AdminEndpoint(ManagementService management, AdminAccess access, int maxBodySize,
    ConsoleSessions sessions, Supplier<LiveCounters> counters, Function<Aor, Optional<String>> presRules,
    SubscriberManagement subscribers, ClusterOverview cluster) {

  /** The servlet-context attribute under which the composition root stores the endpoint. */
  public static final String ATTRIBUTE = AdminEndpoint.class.getName();

  public AdminEndpoint {
    Objects.requireNonNull(management, "management");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(presRules, "presRules");
    Objects.requireNonNull(subscribers, "subscribers");
    Objects.requireNonNull(cluster, "cluster");
  }
}
