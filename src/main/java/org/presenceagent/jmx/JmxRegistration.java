package org.presenceagent.jmx;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.presenceagent.application.manage.ManagementService;
import org.presenceagent.application.manage.SubscriberManagement;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.jmx.DescribedMBean.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MBeans of one deployment on the platform MBean server, registered at start and unregistered
 * by {@link #close()} when the application stops:
 * {@code org.presenceagent:type=Presence,name=<jmx_name>} and
 * {@code org.presenceagent:type=Settings,name=<jmx_name>} and
 * {@code org.presenceagent:type=Subscribers,name=<jmx_name>} and
 * {@code org.presenceagent:type=Cluster,name=<jmx_name>}.
 */
public final class JmxRegistration implements AutoCloseable {

  /** The one domain of our MBeans. */
  public static final String DOMAIN = "org.presenceagent";

  private static final Logger LOG = LoggerFactory.getLogger(JmxRegistration.class);

  private static final String PRESENTITY_HINT = "sip:user@host or user@host";
  private static final Map<String, Operation> PRESENCE_OPERATIONS = Map.ofEntries(
      Map.entry("listPresentities", new Operation(
          "Presentities with publications, registrations or subscriptions (" + PRESENTITY_HINT + ")", List.of())),
      Map.entry("showPresentity", new Operation(
          "Counts, composed PIDF document, publications and registrations of a presentity", List.of("presentity"))),
      Map.entry("presenceDocument", new Operation(
          "The composed PIDF document as a watcher allowed everything gets it", List.of("presentity"))),
      Map.entry("listSubscriptions", new Operation(
          "Subscriptions to a presentity; the id column is what terminateSubscription takes", List.of("presentity"))),
      Map.entry("terminateSubscription", new Operation(
          "Final NOTIFY terminated;reason=<reason> (RFC 6665 4.2.2; empty: noresource), subscription removed",
          List.of("id", "reason"))),
      Map.entry("authorize", new Operation(
          "pa.authorize: re-read the presentity's pres-rules and re-evaluate its watchers", List.of("presentity"))),
      Map.entry("publish", new Operation(
          "pa.publish: publish a document for the presentity like a PUBLISH (expires < 0: default_expires)",
          List.of("presentity", "contentType", "document", "expires"))),
      Map.entry("targetOnline", new Operation(
          "target_online: registered, or a live publication says open", List.of("presentity"))),
      Map.entry("cleanup", new Operation("Run expiry now for everything overdue", List.of())),
      Map.entry("dump", new Operation("pa.trace: counts, presentities and settings as text", List.of())));
  private static final Map<String, String> PRESENCE_ATTRIBUTES = Map.of(
      "PresentityCount", "Presentities with publications, registrations or subscriptions",
      "PublicationCount", "Publications held",
      "RegistrationCount", "Registered contacts held",
      "SubscriptionCount", "Subscriptions held, every event package and state");
  private static final Map<String, String> SETTINGS_ATTRIBUTES = Map.of(
      "Parameters", "Every parameter's effective value (secrets masked); all but Ignore408OnNotify need a restart",
      "Ignore408OnNotify", "ignore_408_on_notify: a NOTIFY answered 408 keeps its subscription; changes at once");

  private static final Map<String, Operation> SUBSCRIBER_OPERATIONS = Map.of(
      "listSubscribers", new Operation("Users who may authenticate: address, source, realm, algorithms", List.of()),
      "addSubscriber", new Operation("Add a user of a local domain (only the HA1 hashes are stored)",
          List.of("aor", "password")),
      "changePassword", new Operation("Give a stored user a new password", List.of("aor", "password")),
      "removeSubscriber", new Operation("Remove a stored user", List.of("aor")));
  private static final Map<String, String> SUBSCRIBER_ATTRIBUTES = Map.of(
      "SubscriberCount", "Users who may authenticate, configured and stored");

  private static final Map<String, String> CLUSTER_ATTRIBUTES = Map.of(
      "Mode", "single node (cluster=0) or cluster",
      "Overview", "Nodes (lease, generation, subscriptions owned), orphaned subscriptions and this node's change-log lag;"
          + " read from the shared database when read");

  private final MBeanServer server;
  private final List<ObjectName> registered;

  private JmxRegistration(MBeanServer server, List<ObjectName> registered) {
    this.server = server;
    this.registered = registered;
  }

  /** The object name of an MBean of this deployment. */
  public static ObjectName name(String type, String jmxName) {
    try {
      return new ObjectName(DOMAIN + ":type=" + type + ",name=" + jmxName);
    } catch (JMException e) {
      throw new IllegalArgumentException("not a JMX name: " + jmxName, e);
    }
  }

  /**
   * Registers the MBeans.
   *
   * @throws IllegalStateException when another deployment in this JVM uses the same name; the
   *     message says to set {@code jmx_name}
   */
  public static JmxRegistration register(String jmxName, ManagementService management,
      SubscriberManagement subscribers, ClusterOverview cluster) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    List<ObjectName> registered = new ArrayList<>();
    JmxRegistration registration = new JmxRegistration(server, registered);
    try {
      register(server, registered, name("Presence", jmxName), new DescribedMBean<>(new PresenceManagement(management),
          PresenceManagementMBean.class, false, PRESENCE_OPERATIONS, PRESENCE_ATTRIBUTES));
      register(server, registered, name("Settings", jmxName), new DescribedMBean<>(new SettingsView(management),
          SettingsMXBean.class, true, Map.of(), SETTINGS_ATTRIBUTES));
      register(server, registered, name("Subscribers", jmxName), new DescribedMBean<>(new Subscribers(subscribers),
          SubscribersMBean.class, false, SUBSCRIBER_OPERATIONS, SUBSCRIBER_ATTRIBUTES));
      register(server, registered, name("Cluster", jmxName), new DescribedMBean<>(new ClusterAttributes(cluster),
          ClusterMBean.class, false, Map.of(), CLUSTER_ATTRIBUTES));
    } catch (InstanceAlreadyExistsException e) {
      registration.close();
      throw new IllegalStateException("the MBean " + e.getMessage() + " is already registered by another deployment"
          + " in this JVM: give each its own jmx_name", e);
    } catch (JMException e) {
      registration.close();
      throw new IllegalStateException("registering the MBeans failed: " + e.getMessage(), e);
    }
    LOG.info("management MBeans registered: {}", registered);
    return registration;
  }

  private static void register(MBeanServer server, List<ObjectName> registered, ObjectName name, Object mbean)
      throws JMException {
    server.registerMBean(mbean, name);
    registered.add(name);
  }

  @Override
  public void close() {
    for (ObjectName name : registered) {
      try {
        server.unregisterMBean(name);
      } catch (JMException e) {
        LOG.warn("unregistering {} failed", name, e);
      }
    }
    registered.clear();
  }
}
