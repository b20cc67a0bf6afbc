package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAR in a separately installed container: the Tomcat 7 + Restcomm SIP Servlets directory that
 * {@code ./mvnw -Pcontainer package} assembles, started as its own process with {@code
 * bin/catalina.sh run}. The WAR is dropped into {@code webapps/} while the server runs; the SIPp
 * scenarios of {@code src/test/sipp/} run against it over UDP and TCP; {@code /metrics} and a real
 * JMX client (over the JMX remote port, as JConsole would connect) show the traffic; then the WAR
 * is taken away and put back twice (upgrades in place) and taken away for good, and nothing of an
 * undeployed application may be left: no MBeans, no threads, and no pile of old class loaders
 * (Tomcat's own leak detector, see {@link #redeploymentsDoNotAccumulate()}).
 *
 * <p>Needs the assembled container and {@code sipp} on the PATH; run by {@code .ci/run} (docs/getting-started.md,
 * "Tests in the assembled container and the browser").
 */
@Tag("container")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerIT {

  private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(120);
  /** Threads of this application, by name: the expiry timer, the database pool, H2. */
  private static final List<String> APPLICATION_THREADS =
      List.of("presence-expiry-", "presence-agent-db", "HikariPool", "H2 ", "MVStore");

  @TempDir
  static Path workDir;

  private static AssembledContainer container;
  private static JMXConnector jmx;
  private static Set<String> threadsBeforeDeploy;

  @BeforeAll
  static void startTheContainerAndDeploy() throws Exception {
    Path assembled = Path.of(System.getProperty("presenceagent.container.dir", "target/presence-agent-tomcat"));
    container = AssembledContainer.start(assembled, workDir, FreePorts.find(), FreePorts.find(), FreePorts.find(),
        FreePorts.find(), Map.of("jmx_name", "container-it", "auth", "none"));
    await("JMX port of the container").atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofMillis(500))
        .ignoreExceptions().until(() -> {
          jmx = JMXConnectorFactory.connect(new JMXServiceURL(
              "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + container.jmxPort() + "/jmxrmi"));
          return true;
        });
    threadsBeforeDeploy = threadNames();
    container.deploy(Path.of(System.getProperty("presenceagent.war", "target/presence-agent.war")));
    await("the application answers /metrics").atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
        .failFast("the container died:\n" + container.log(), () -> !container.isAlive())
        .until(() -> status("/" + AssembledContainer.CONTEXT + "/metrics") == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    if (jmx != null) {
      jmx.close();
    }
    if (container != null) {
      container.close();
    }
  }

  @Test
  @Order(1)
  void sippScenariosPassOverUdpAndTcpAndMetricsCountThem() throws Exception {
    String output = runSipp("both");
    assertThat(output).contains("PASS subscribe_dialog udp").contains("PASS subscribe_dialog tcp")
        .contains("PASS watch_publish tcp");

    Process metrics = new ProcessBuilder("src/test/sipp/check-metrics.sh",
        "127.0.0.1:" + container.httpPort() + "/" + AssembledContainer.CONTEXT).redirectErrorStream(true).start();
    String checked = new String(metrics.getInputStream().readAllBytes());
    assertThat(metrics.waitFor()).as(checked).isZero();
  }

  @Test
  @Order(2)
  void aJmxClientSeesTheApplicationsAndTheContainersMBeans() throws Exception {
    MBeanServerConnection connection = jmx.getMBeanServerConnection();
    Set<ObjectName> ours = connection.queryNames(new ObjectName("org.presenceagent:*"), null);
    Files.writeString(workDir.resolve("mbeans.txt"), connection.queryNames(null, null).stream()
        .map(ObjectName::toString).sorted().collect(Collectors.joining("\n")));
    assertThat(ours).extracting(ObjectName::toString)
        .contains("org.presenceagent:type=Settings,name=container-it")
        .contains("org.presenceagent:type=Presence,name=container-it");
    assertThat(ours).anyMatch(name -> "Metrics".equals(name.getKeyProperty("type"))
        && "container-it".equals(name.getKeyProperty("name")));
    assertThat(connection.queryNames(webModule(), null)).hasSize(1);

    // The SIPp run's SUBSCRIBEs, counted by the meter that JMX and /metrics share.
    ObjectName subscribesAnswered2xx = ours.stream()
        .filter(name -> name.toString().toLowerCase(Locale.ROOT).replace(".", "").contains("siprequests")
            && name.toString().contains("SUBSCRIBE") && name.toString().contains("2xx"))
        .findFirst().orElseThrow(() -> new AssertionError("no SUBSCRIBE 2xx counter among " + ours));
    assertThat(((Number) connection.getAttribute(subscribesAnswered2xx, "Count")).longValue()).isGreaterThan(0);
    ObjectName presence = new ObjectName("org.presenceagent:type=Presence,name=container-it");
    assertThat(connection.getAttribute(presence, "SubscriptionCount")).isInstanceOf(Integer.class);
    String dump = (String) connection.invoke(presence, "dump", new Object[0], new String[0]);
    assertThat(dump).contains("jmx_name=container-it");
    ObjectName settings = new ObjectName("org.presenceagent:type=Settings,name=container-it");
    assertThat(connection.getAttribute(settings, "MinExpires")).isEqualTo(60L);
  }

  /**
   * Upgrades in place: the WAR taken away and put back, twice, while the container runs. Each
   * undeployment must take the application's MBeans and threads with it, and old deployments must not
   * pile up: Tomcat's leak detector (StandardHost.findReloadedContextMemoryLeaks: a full GC, then every
   * stopped context whose class loader is still reachable) may find at most one. On Java 17 the most
   * recent previous deployment can stay reachable from inside the JVM (single-entry caches of the
   * method handle machinery, such as JDK-8078641, fixed in Java 18) until a later one replaces it.
   */
  @Test
  @Order(3)
  void redeploymentsDoNotAccumulate() throws Exception {
    for (int deployment = 2; deployment <= 3; deployment++) {
      undeployAndCheckNothingIsLeft();
      container.deploy(Path.of(System.getProperty("presenceagent.war", "target/presence-agent.war")));
      await("deployment " + deployment + " serves").atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
          .until(() -> status("/" + AssembledContainer.CONTEXT + "/metrics") == 200);
      assertThat(runSipp("udp")).as("restored and new subscriptions served").contains("PASS subscribe_dialog udp");
    }
    MBeanServerConnection connection = jmx.getMBeanServerConnection();
    ObjectName host = new ObjectName("Catalina:type=Host,host=localhost");
    List<String> retained = new ArrayList<>();
    await("at most one earlier deployment is still in memory").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(5)).until(() -> {
          retained.clear();
          retained.addAll(Arrays.asList((String[]) connection.invoke(host, "findReloadedContextMemoryLeaks",
              new Object[0], new String[0])));
          return retained.size() <= 1;
        });
    Files.writeString(workDir.resolve("retained-deployments.txt"), String.join("\n", retained));
  }

  @Test
  @Order(4)
  void undeployingLeavesNoMBeansOrThreadsBehind() throws Exception {
    undeployAndCheckNothingIsLeft();
    assertThat(container.isAlive()).isTrue();
  }

  private static void undeployAndCheckNothingIsLeft() throws Exception {
    container.undeploy();
    MBeanServerConnection connection = jmx.getMBeanServerConnection();
    await("the application is undeployed").atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
        .until(() -> connection.queryNames(webModule(), null).isEmpty());
    assertThat(status("/" + AssembledContainer.CONTEXT + "/metrics")).isEqualTo(404);
    assertThat(connection.queryNames(new ObjectName("org.presenceagent:*"), null)).as("our MBeans").isEmpty();
    await("no thread of the application is left").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(threadNames())
            .filteredOn(name -> APPLICATION_THREADS.stream().anyMatch(name::startsWith)).isEmpty());
    Set<String> newThreads = new TreeSet<>(threadNames());
    newThreads.removeAll(threadsBeforeDeploy);
    Files.writeString(workDir.resolve("threads-after-undeploy.txt"), String.join("\n", newThreads));
  }

  /** The SIPp scenarios of src/test/sipp over one or both transports; their output. */
  private static String runSipp(String transports) throws Exception {
    Path sippLogs = Files.createDirectories(workDir.resolve("sipp-" + transports));
    ProcessBuilder sipp = new ProcessBuilder("src/test/sipp/run-scenarios.sh", "127.0.0.1:" + container.sipPort(),
        transports).redirectErrorStream(true).redirectOutput(sippLogs.resolve("run.log").toFile());
    sipp.environment().put("SIPP_LOGDIR", sippLogs.toString());
    sipp.environment().put("SIPP_PORT_BASE", Integer.toString(26300));
    Process run = sipp.start();
    assertThat(run.waitFor(600, TimeUnit.SECONDS)).as("SIPp finished").isTrue();
    String output = Files.readString(sippLogs.resolve("run.log"));
    assertThat(run.exitValue()).as("SIPp scenarios:\n" + output + "\ncontainer log:\n" + container.log()).isZero();
    assertThat(output).containsPattern("(?m)^\\d+ passed, 0 failed$");
    return output;
  }

  private static ObjectName webModule() throws Exception {
    return new ObjectName("Catalina:j2eeType=WebModule,name=//localhost/" + AssembledContainer.CONTEXT + ",*");
  }

  private static int status(String path) {
    HttpResponse<String> response = container.get(path);
    return response == null ? 0 : response.statusCode();
  }

  private static Set<String> threadNames() throws Exception {
    ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
        ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .filter(info -> info != null)
        .map(ThreadInfo::getThreadName)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
