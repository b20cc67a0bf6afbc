package org.presenceagent.jmx;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.presenceagent.application.manage.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MBeans of one deployment on the platform MBean server, registered at start and unregistered
 * by {@link #close()} when the application stops:
 * {@code org.presenceagent:type=Presence,name=<jmx_name>} and
 * {@code org.presenceagent:type=Settings,name=<jmx_name>}.
 */
public final class JmxRegistration implements AutoCloseable {

  /** The one domain of our MBeans. */
  public static final String DOMAIN = "org.presenceagent";

  private static final Logger LOG = LoggerFactory.getLogger(JmxRegistration.class);

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
  public static JmxRegistration register(String jmxName, ManagementService management) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    List<ObjectName> registered = new ArrayList<>();
    JmxRegistration registration = new JmxRegistration(server, registered);
    try {
      register(server, registered, name("Presence", jmxName),
          new StandardMBean(new PresenceManagement(management), PresenceManagementMBean.class, false));
      register(server, registered, name("Settings", jmxName),
          new StandardMBean(new SettingsView(management), SettingsMXBean.class, true));
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
