package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the MBeans through a real JMX connection (RMI over TCP, as JConsole
 * connects), with the effects seen over real SIP. Only JDK classes cross the connection: a
 * console without our classes can use them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JmxIT {

  private static final String JMX_NAME = "jmx-it";
  private static final String[] STRING = {String.class.getName()};
  private static final String[] TWO_STRINGS = {String.class.getName(), String.class.getName()};

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("auth_xcap_root", "http://127.0.0.1:{httpPort}/xcap-root")
      .param("auth_rules_refresh_time", "3600")
      .param("xcap_open", "1")
      .param("jmx_name", JMX_NAME);

  private static JMXConnectorServer connectorServer;
  private static JMXConnector connector;
  private static MBeanServerConnection jmx;
  private static ObjectName presence;
  private static ObjectName settings;

  private final XcapHttp xcap = new XcapHttp(SERVER.httpPort());

  @BeforeAll
  static void connect() throws Exception {
    // The platform MBean server exported over RMI on a free port; the client connects to the stub
    // address the connector server reports, without a registry.
    connectorServer = JMXConnectorServerFactory.newJMXConnectorServer(
        new JMXServiceURL("rmi", "127.0.0.1", 0), null, ManagementFactory.getPlatformMBeanServer());
    connectorServer.start();
    connector = JMXConnectorFactory.connect(connectorServer.getAddress());
    jmx = connector.getMBeanServerConnection();
    presence = new ObjectName("org.presenceagent:type=Presence,name=" + JMX_NAME);
    settings = new ObjectName("org.presenceagent:type=Settings,name=" + JMX_NAME);
  }

  @AfterAll
  static void disconnect() throws Exception {
    connector.close();
    connectorServer.stop();
  }

  private Object invoke(String operation, Object[] arguments, String[] signature) throws Exception {
    return jmx.invoke(presence, operation, arguments, signature);
  }

  private CompositeData[] subscriptionsOf(String presentity) throws Exception {
    return (CompositeData[]) invoke("listSubscriptions", new Object[] {presentity}, STRING);
  }

  private SubscriptionDialog bobWatches(SipTestClient client, String alice, String bob) throws Exception {
    assertThat(xcap.putRules(alice, PresRulesDocs.one(bob, "allow")).statusCode()).isEqualTo(201);
    SubscriptionDialog dialog = SubscriptionDialog.subscribe(client, bob, alice, 600).dialog();
    Notifies.nextActiveOnceRulesAreRead(client);
    return dialog;
  }

  @Test
  @Order(1)
  void theMBeansAreRegisteredUnderOneDomain() throws Exception {
    java.util.Set<ObjectName> names = jmx.queryNames(new ObjectName("org.presenceagent:name=" + JMX_NAME + ",*"), null);
    assertThat(names).contains(presence, settings)
        .allSatisfy(name -> assertThat(name.getKeyProperty("type")).isIn("Presence", "Settings", "Subscribers", "Cluster", "Metrics"))
        .anySatisfy(name -> assertThat(name.getKeyProperty("type")).as("the meters too").isEqualTo("Metrics"));
    javax.management.MBeanOperationInfo publish = Arrays.stream(jmx.getMBeanInfo(presence).getOperations())
        .filter(operation -> operation.getName().equals("publish")).findFirst().orElseThrow();
    assertThat(Arrays.stream(publish.getSignature()).map(javax.management.MBeanParameterInfo::getName))
        .as("a console shows parameter names").containsExactly("presentity", "contentType", "document", "expires");
    assertThat(publish.getDescription()).contains("pa.publish");
    TabularData parameters = (TabularData) jmx.getAttribute(settings, "Parameters");
    assertThat(parameters.get(new Object[] {"jmx_name"}).get("value")).isEqualTo(JMX_NAME);
    assertThat(parameters.get(new Object[] {"auth"}).get("value")).isEqualTo("xcap");
    // A single node's cluster view, through the remote connector as open data only.
    ObjectName cluster = new ObjectName("org.presenceagent:type=Cluster,name=" + JMX_NAME);
    assertThat(jmx.getAttribute(cluster, "Mode")).isEqualTo("single node");
    javax.management.openmbean.CompositeData overview =
        (javax.management.openmbean.CompositeData) jmx.getAttribute(cluster, "Overview");
    assertThat(overview.get("clustered")).isEqualTo(false);
    assertThat((Object[]) overview.get("nodes")).isEmpty();
  }

  @Test
  @Order(2)
  void ignore408OnNotifyIsAWritableAttribute() throws Exception {
    assertThat(jmx.getAttribute(settings, "Ignore408OnNotify")).isEqualTo(false);
    try {
      jmx.setAttribute(settings, new javax.management.Attribute("Ignore408OnNotify", true));

      assertThat(jmx.getAttribute(settings, "Ignore408OnNotify")).isEqualTo(true);
      TabularData parameters = (TabularData) jmx.getAttribute(settings, "Parameters");
      assertThat(parameters.get(new Object[] {"ignore_408_on_notify"}).get("value")).isEqualTo("1");
    } finally {
      jmx.setAttribute(settings, new javax.management.Attribute("Ignore408OnNotify", false));
    }
  }

  @Test
  @Order(2)
  void theExpiryLimitsAreWritableAttributesCheckedTogether() throws Exception {
    long original = (Long) jmx.getAttribute(settings, "MaxPublishExpiration");
    try {
      jmx.setAttribute(settings, new javax.management.Attribute("MaxPublishExpiration", 300L));
      assertThat(jmx.getAttribute(settings, "MaxPublishExpiration")).isEqualTo(300L);
      try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
        String carol = TestAors.unique("carol");
        javax.sip.message.Response ok = new Publisher(client).publish(carol, 3600, null, Pidf.open(carol, "t", "x"));
        assertThat(((javax.sip.header.ExpiresHeader) ok.getHeader("Expires")).getExpires()).isEqualTo(300);
      }
      long minimum = (Long) jmx.getAttribute(settings, "MinExpires");
      assertThatThrownBy(() -> jmx.setAttribute(settings, new javax.management.Attribute("MinExpires", 301L)))
          .as("a minimum above a maximum is refused").isInstanceOf(Exception.class);
      assertThat(jmx.getAttribute(settings, "MinExpires")).isEqualTo(minimum);
    } finally {
      jmx.setAttribute(settings, new javax.management.Attribute("MaxPublishExpiration", original));
    }
  }

  @Test
  @Order(3)
  void listsShowsAndCountsAPresentity() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      SubscriptionDialog dialog = bobWatches(client, alice, bob);
      new Publisher(client).publish(alice, 600, null, Pidf.open(alice, "phone", "seen over jmx"));
      Notifies.next(client);

      CompositeData[] presentities = (CompositeData[]) invoke("listPresentities", new Object[0], new String[0]);
      CompositeData row = Arrays.stream(presentities).filter(item -> item.get("presentity").equals(alice))
          .findFirst().orElseThrow();
      assertThat(row.get("publications")).isEqualTo(1);
      assertThat(row.get("subscriptions")).isEqualTo(1);
      assertThat(row.get("online")).isEqualTo(true);
      assertThat((Integer) jmx.getAttribute(presence, "PresentityCount")).isGreaterThanOrEqualTo(1);
      assertThat((Integer) jmx.getAttribute(presence, "SubscriptionCount")).isGreaterThanOrEqualTo(1);
      assertThat((Integer) jmx.getAttribute(presence, "PublicationCount")).isGreaterThanOrEqualTo(1);

      CompositeData details = (CompositeData) invoke("showPresentity", new Object[] {alice}, STRING);
      assertThat((String) details.get("presenceDocument")).contains("seen over jmx");
      assertThat((CompositeData[]) details.get("publicationList")).singleElement()
          .satisfies(publication -> assertThat(publication.get("contentType")).isEqualTo("application/pidf+xml"));
      assertThat((String) invoke("presenceDocument", new Object[] {alice}, STRING)).contains("<basic>open</basic>");

      assertThat(subscriptionsOf(alice)).singleElement().satisfies(subscription -> {
        assertThat(subscription.get("watcher")).isEqualTo(bob);
        assertThat(subscription.get("state")).isEqualTo("active");
        assertThat(subscription.get("callId")).isEqualTo(dialog.callId());
      });
    }
  }

  @Test
  @Order(4)
  void terminateSubscriptionSendsTheWatcherATerminatedNotify() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      SubscriptionDialog dialog = bobWatches(client, alice, bob);
      String id = (String) subscriptionsOf(alice)[0].get("id");

      CompositeData ended = (CompositeData) invoke("terminateSubscription", new Object[] {id, ""}, TWO_STRINGS);

      assertThat(ended.get("id")).isEqualTo(id);
      assertThat(Notifies.state(Notifies.next(client))).isEqualTo("terminated;reason=noresource");
      assertThat(subscriptionsOf(alice)).isEmpty();
      assertThat(dialog.refresh(600).getStatusCode()).isEqualTo(481);
      assertThatThrownBy(() -> invoke("terminateSubscription", new Object[] {id, ""}, TWO_STRINGS))
          .isInstanceOf(RuntimeMBeanException.class)
          .hasRootCauseInstanceOf(IllegalArgumentException.class)
          .hasStackTraceContaining("no subscription");
    }
  }

  @Test
  @Order(5)
  void publishNotifiesTheWatchersAndMakesThePresentityOnline() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      bobWatches(client, alice, bob);
      assertThat(invoke("targetOnline", new Object[] {alice}, STRING)).isEqualTo(false);

      CompositeData published = (CompositeData) invoke("publish",
          new Object[] {alice, "application/pidf+xml",
              new String(Pidf.open(alice, "desk", "published over jmx"), StandardCharsets.UTF_8), 120L},
          new String[] {String.class.getName(), String.class.getName(), String.class.getName(), long.class.getName()});

      assertThat(published.get("expires")).isEqualTo(120L);
      assertThat((String) published.get("etag")).isNotBlank();
      Request notify = Notifies.next(client);
      assertThat(Notifies.body(notify)).contains("published over jmx");
      assertThat(invoke("targetOnline", new Object[] {alice}, STRING)).isEqualTo(true);
      assertThatThrownBy(() -> invoke("publish", new Object[] {alice, "text/plain", "hi", -1L},
          new String[] {String.class.getName(), String.class.getName(), String.class.getName(), long.class.getName()}))
          .hasStackTraceContaining("415");
    }
  }

  @Test
  @Order(6)
  void authorizeAppliesRulesChangedSinceTheyWereRead() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      bobWatches(client, alice, bob);
      assertThat(xcap.putRules(alice, PresRulesDocs.one(bob, "block")).statusCode()).isEqualTo(200);
      assertThat(client.awaitRequest(Request.NOTIFY, 700)).as("cached rules: nothing changes yet").isNull();

      invoke("authorize", new Object[] {alice}, STRING);

      assertThat(Notifies.state(Notifies.next(client))).isEqualTo("terminated;reason=rejected");
    }
  }

  @Test
  @Order(7)
  void cleanupAndDump() throws Exception {
    CompositeData cleanup = (CompositeData) invoke("cleanup", new Object[0], new String[0]);
    assertThat(cleanup.getCompositeType().keySet())
        .containsExactlyInAnyOrder("subscriptions", "publications", "registrations", "offlineWatchers");

    String dump = (String) invoke("dump", new Object[0], new String[0]);
    assertThat(dump).contains("subscriptions: ").contains("presentities: ").contains("jmx_name=" + JMX_NAME);
  }

  @Test
  @Order(8)
  void theMBeansLeaveWithTheApplicationAndComeBackWithIt() throws Exception {
    SERVER.stop();
    try {
      assertThat(jmx.isRegistered(presence)).isFalse();
      assertThat(jmx.isRegistered(settings)).isFalse();
    } finally {
      SERVER.start();
    }
    assertThat(jmx.isRegistered(presence)).isTrue();
  }
}
