package org.presenceagent.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.deploy.ApplicationParameter;
import org.apache.catalina.valves.ErrorReportValve;
import org.mobicents.servlet.sip.catalina.SipHostConfig;
import org.mobicents.servlet.sip.core.SipApplicationDispatcherImpl;
import org.mobicents.servlet.sip.startup.SipContextConfig;
import org.mobicents.servlet.sip.startup.SipProtocolHandler;
import org.mobicents.servlet.sip.startup.SipStandardContext;
import org.mobicents.servlet.sip.startup.SipStandardEngine;
import org.mobicents.servlet.sip.startup.SipStandardService;
import org.presenceagent.bootstrap.PresenceAgentBootstrap;
import org.presenceagent.container.PrestartedSipExecutor;
import org.presenceagent.container.SipSessionManager;
import org.presenceagent.sip.MalformedRequestValve;
import org.presenceagent.sip.OverloadValve;
import org.presenceagent.sip.stack.PresenceMessageProcessorFactory;

/**
 * The Restcomm SIP Servlets container (Tomcat 7 flavour, JAIN-SIP) embedded in this JVM, with the
 * Presence Agent application deployed from the class path: SIP on UDP and TCP, HTTP, and the
 * application's context parameters overridden by the command line's {@code --param}s.
 */
public final class EmbeddedSipServer implements AutoCloseable {

  /** The application name in sip.xml, used by the default application router. */
  static final String APP_NAME = "PresenceAgent";
  private static final String WEBAPP_RESOURCE = "presence-agent-webapp/WEB-INF/";
  /**
   * The JAIN-SIP stack properties shared with the assembled container (the Maven profile
   * {@code container} copies the same file to its {@code conf/}).
   */
  static final String STACK_PROPERTIES = "/org/presenceagent/standalone/sip-stack.properties";
  /**
   * Methods routed to the application when they start a dialog or stand alone. NOTIFY is not (we
   * are never a subscriber); INFO and UPDATE are always in-dialog requests for the container.
   */
  private static final List<String> ROUTED_METHODS =
      List.of("SUBSCRIBE", "PUBLISH", "OPTIONS", "REGISTER", "MESSAGE", "INVITE", "REFER");

  private final SipStandardService service;
  private final SipStandardContext context;

  private EmbeddedSipServer(SipStandardService service, SipStandardContext context) {
    this.service = service;
    this.context = context;
  }

  /**
   * Starts the container and deploys the application.
   *
   * @param params context-parameter overrides (the resolved application settings)
   * @throws ServerStartException when the container or the application fails to start
   */
  public static EmbeddedSipServer start(String bind, int sipPort, int httpPort, Path baseDir, Map<String, String> params) {
    return start(WEBAPP_RESOURCE, bind, sipPort, httpPort, baseDir, params);
  }

  /**
   * A cluster node without a {@code node_id} is named after its host and SIP port: stable across
   * restarts of the node, different for two nodes on one machine. Looked up only for a cluster node
   * (a host name look-up can be slow).
   */
  private static Map<String, String> withDefaultNodeId(Map<String, String> params, int sipPort) {
    String nodeId = params.getOrDefault("node_id", "");
    if (!"1".equals(params.get("cluster")) || !nodeId.isEmpty()) {
      return params;
    }
    Map<String, String> named = new LinkedHashMap<>(params);
    try {
      String host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
      named.put("node_id", host.substring(0, Math.min(host.length(), 100)) + ":" + sipPort);
    } catch (UnknownHostException e) {
      named.put("node_id", "node:" + sipPort);
    }
    return named;
  }

  /**
   * Starts the container with the descriptors found under a class-path folder: the benchmark's
   * bare servlet ({@code bench/}) is deployed on exactly the container the application runs on.
   */
  static EmbeddedSipServer start(
      String webInfResource, String bind, int sipPort, int httpPort, Path baseDir, Map<String, String> params) {
    Path base = baseDir.toAbsolutePath();
    Path docBase = base.resolve("webapp");
    writeWebapp(webInfResource, docBase);
    Path dar = writeDar(base.resolve("conf/dar.properties"));
    System.setProperty("catalina.base", base.toString());
    System.setProperty("catalina.home", base.toString());
    System.setProperty("javax.servlet.sip.ar.spi.SipApplicationRouterProvider",
        "org.mobicents.servlet.sip.router.DefaultApplicationRouterProvider");
    System.setProperty("javax.servlet.sip.dar", dar.toUri().toString());

    SipStandardService service = new SipStandardService();
    service.setName("Catalina");
    service.setSipApplicationDispatcherClassName(SipApplicationDispatcherImpl.class.getName());
    service.setDarConfigurationFileLocation(dar.toUri().toString());
    service.setCongestionControlCheckingInterval(-1);
    service.setGatherStatistics(false);
    service.setSipStackProperties(sipStackProperties(bind, sipPort));
    service.addLifecycleListener(new PrestartedSipExecutor());

    SipStandardEngine engine = new SipStandardEngine();
    engine.setName("Catalina");
    engine.setBaseDir(base.toString());
    engine.setDefaultHost("localhost");
    engine.setService(service);
    service.setContainer(engine);

    StandardHost host = new StandardHost();
    host.setName("localhost");
    host.setAppBase(base.resolve("apps").toString());
    host.addLifecycleListener(new SipHostConfig());
    host.setAutoDeploy(false);
    host.setDeployOnStartup(false);
    host.getPipeline().addValve(quietErrorReports());
    engine.addChild(host);

    SipStandardContext context = new SipStandardContext();
    context.setName("");
    context.setPath("");
    context.setDocBase(docBase.toString());
    context.addLifecycleListener(new SipContextConfig());
    context.setManager(new SipSessionManager());
    // Java 17's serialization caches no longer pin class loaders, and Tomcat 7's clean-up of them
    // needs --add-opens java.base/java.io and fails on 17 anyway (as in the assembled container's context.xml).
    context.setClearReferencesObjectStreamClassCaches(false);
    withDefaultNodeId(params, sipPort).forEach((name, value) -> {
      ApplicationParameter parameter = new ApplicationParameter();
      parameter.setName(name);
      parameter.setValue(value);
      parameter.setOverride(false); // the launcher's value wins over sip.xml's
      context.addApplicationParameter(parameter);
    });
    host.addChild(context);

    service.addConnector(sipConnector(bind, sipPort, "udp"));
    service.addConnector(sipConnector(bind, sipPort, "tcp"));
    service.addConnector(httpConnector(bind, httpPort));

    EmbeddedSipServer server = new EmbeddedSipServer(service, context);
    try {
      service.init();
      service.start();
    } catch (LifecycleException | RuntimeException e) {
      server.closeQuietly();
      throw new ServerStartException("the SIP servlet container failed to start: " + rootCause(e), e);
    }
    server.requireStarted();
    return server;
  }

  private void requireStarted() {
    if (context.getState() != LifecycleState.STARTED || !context.getAvailable()) {
      closeQuietly();
      throw new ServerStartException("Presence Agent failed to start (see the log above for the cause)", null);
    }
    for (Connector connector : service.findConnectors()) {
      if (connector.getState() != LifecycleState.STARTED) {
        closeQuietly();
        throw new ServerStartException("connector " + connector + " failed to start", null);
      }
    }
  }

  /**
   * An attribute of the deployed application's servlet context: how a program embedding the server
   * reaches the application's Java APIs, e.g. its internal subscriptions
   * ({@code PresenceAgentBootstrap.INTERNAL_SUBSCRIPTIONS_ATTRIBUTE}); {@code null} when not set.
   */
  public Object applicationAttribute(String name) {
    return context.getServletContext().getAttribute(name);
  }

  private static Connector sipConnector(String bind, int port, String transport) {
    Connector connector = new Connector(SipProtocolHandler.class.getName());
    SipProtocolHandler handler = (SipProtocolHandler) connector.getProtocolHandler();
    try {
      handler.setPort(port);
      handler.setIpAddress(bind);
      handler.setSignalingTransport(transport);
    } catch (Exception e) {
      throw new ServerStartException("invalid SIP connector " + bind + ":" + port + "/" + transport, e);
    }
    connector.setPort(port);
    return connector;
  }

  private static Connector httpConnector(String bind, int port) {
    Connector connector = new Connector("HTTP/1.1");
    connector.setPort(port);
    connector.setAttribute("address", bind);
    connector.setAttribute("server", "Presence Agent"); // not Tomcat's name and version
    return connector;
  }

  /**
   * The host's error reports for what the application does not answer itself (a request refused
   * before it reaches the application): no server name or version, no stack trace. Inside the
   * application its own error pages (web.xml) answer.
   */
  private static ErrorReportValve quietErrorReports() {
    ErrorReportValve valve = new ErrorReportValve();
    valve.setShowReport(false);
    valve.setShowServerInfo(false);
    return valve;
  }

  /**
   * JAIN-SIP settings, chosen by measurement (docs/performance.md): the list shared with the
   * assembled Tomcat container ({@link #STACK_PROPERTIES}: dialogs are the application's business, so
   * automatic dialogs are off, ...), plus what only the standalone server has or can compute: a stack
   * name per address and port, the log level of logback.xml, one worker per core (the work is
   * CPU-bound: more threads only add context switches), our UDP receiver, which reuses its buffer and
   * times the queue, and the valves, whose classes are on this class path.
   */
  private static Properties sipStackProperties(String bind, int port) {
    Properties properties = new Properties();
    try (InputStream in = EmbeddedSipServer.class.getResourceAsStream(STACK_PROPERTIES)) {
      if (in == null) {
        throw new ServerStartException("the SIP stack properties " + STACK_PROPERTIES + " are missing from the jar", null);
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + STACK_PROPERTIES, e);
    }
    properties.setProperty("javax.sip.STACK_NAME", "presence-agent-" + bind + "-" + port);
    // JAIN-SIP logs through the log4j 1.2 API, which log4j-over-slf4j routes to logback. A fixed
    // level taken from logback.xml's "gov.nist" logger at start: the LOG4J mode asked logback for
    // the level at every message, several times per message.
    properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", stackTraceLevel());
    properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE",
        Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
    properties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", PresenceMessageProcessorFactory.class.getName());
    // Overload control first (a refusal must cost as little as possible), then malformed headers
    // get 400 instead of being silently dropped by the parser.
    properties.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE",
        OverloadValve.class.getName() + "," + MalformedRequestValve.class.getName());
    // An operator may tune the stack without a rebuild: -Dgov.nist.javax.sip.X=... wins over the defaults above.
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("gov.nist.javax.sip.") || name.startsWith("javax.sip.")
            || name.startsWith("org.mobicents.servlet.sip."))
        .forEach(name -> properties.setProperty(name, System.getProperty(name)));
    return properties;
  }

  /** JAIN-SIP's trace level (gov.nist.core.LogLevels) for the level of logback's "gov.nist" logger. */
  private static String stackTraceLevel() {
    org.slf4j.Logger stack = org.slf4j.LoggerFactory.getLogger("gov.nist");
    return stack.isDebugEnabled() ? "DEBUG" : stack.isInfoEnabled() ? "INFO" : stack.isWarnEnabled() ? "8" : "ERROR";
  }

  /** Copies sip.xml and web.xml from the class path: the class path holds the application's classes. */
  private static void writeWebapp(String webInfResource, Path docBase) {
    Path webInf = docBase.resolve("WEB-INF");
    try {
      Files.createDirectories(webInf);
      for (String descriptor : List.of("sip.xml", "web.xml")) {
        try (InputStream in = EmbeddedSipServer.class.getClassLoader().getResourceAsStream(webInfResource + descriptor)) {
          if (in == null) {
            throw new ServerStartException("the application descriptor " + descriptor + " is missing from the jar", null);
          }
          Files.copy(in, webInf.resolve(descriptor), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the application to " + docBase, e);
    }
  }

  /** The default application router's configuration: every routed method goes to this application. */
  private static Path writeDar(Path file) {
    StringBuilder dar = new StringBuilder();
    for (String method : ROUTED_METHODS) {
      dar.append(method).append(": (\"").append(APP_NAME)
          .append("\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\")\n");
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, dar.toString(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + ": " + cause;
  }

  /** Clean-up after a failed start: the original failure matters, not the clean-up's. */
  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(EmbeddedSipServer.class).debug("clean-up after failed start", e);
    }
  }

  /**
   * Stops gracefully: the application first refuses new requests with 503 and finishes those it
   * started ({@code PresenceAgentBootstrap.DRAIN_ATTRIBUTE}), then the container stops.
   */
  @Override
  public void close() {
    if (context.getState().isAvailable()
        && applicationAttribute(PresenceAgentBootstrap.DRAIN_ATTRIBUTE) instanceof Runnable drain) {
      drain.run();
    }
    try {
      if (service.getState().isAvailable()) {
        service.stop();
      }
      service.destroy();
    } catch (LifecycleException e) {
      throw new ServerStartException("the SIP servlet container did not stop cleanly: " + e.getMessage(), e);
    }
  }

  /** The container or the application could not start; the message says why. */
  public static final class ServerStartException extends RuntimeException {
    public ServerStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
