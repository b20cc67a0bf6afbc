package org.presenceagent.bootstrap;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.servlet.ServletContext;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import org.presenceagent.application.authorize.StoredRules;
import org.presenceagent.application.internal.InternalSubscriptions;
import org.presenceagent.application.xcap.Preconditions;
import org.presenceagent.application.xcap.XcapRejectedException;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.infrastructure.config.IdentitySettings;
import org.presenceagent.infrastructure.config.PresenceSettings;
import org.presenceagent.infrastructure.metrics.PresenceMetrics;
import org.presenceagent.sip.SipHandlers;
import org.presenceagent.sip.SipTraffic;
import org.presenceagent.web.HttpTraffic;
import org.presenceagent.web.MetricsEndpoint;
import org.presenceagent.web.XcapAccess;
import org.presenceagent.web.XcapEndpoint;
import org.presenceagent.web.admin.AdminAccess;
import org.presenceagent.web.admin.AdminEndpoint;
import org.presenceagent.web.admin.ConsoleSessions;
import org.presenceagent.web.admin.LiveCounters;
import org.presenceagent.web.site.SiteEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops Presence Agent with its web application (declared in {@code web.xml}). The
 * settings come from the context parameters ({@code sip.xml}, overridden by the container or the
 * standalone launcher); a bad value fails the deployment with a message naming the parameter.
 */
public final class PresenceAgentBootstrap implements ServletContextListener {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceAgentBootstrap.class);
  private static final String AGENT_ATTRIBUTE = PresenceAgent.class.getName();
  private static final String DRIVERS_ATTRIBUTE = JdbcDrivers.class.getName();
  /**
   * The servlet context attribute holding the {@link InternalSubscriptions} of the application: how
   * other components of the same web application (a resource list server, a gateway) reach it.
   */
  public static final String INTERNAL_SUBSCRIPTIONS_ATTRIBUTE = InternalSubscriptions.class.getName();

  /**
   * The servlet context attribute holding a {@link Runnable} that starts a graceful stop: from then
   * on new requests get 503 with Retry-After, and it returns once the requests already started are
   * answered (or after a bounded wait). A launcher runs it before it stops the container, since
   * the container unloads the servlets before the application hears of the stop.
   */
  public static final String DRAIN_ATTRIBUTE = PresenceAgentBootstrap.class.getName() + ".drain";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    PresenceSettings settings = PresenceSettings.from(context::getInitParameter);
    SipHandlers sipHandlers = SipHandlers.forContext(context);
    JdbcDrivers drivers = JdbcDrivers.register(PresenceAgentBootstrap.class.getClassLoader());
    PresenceAgent agent;
    try {
      agent = PresenceAgent.start(settings, sipHandlers.notifySender(), sipHandlers.listeningHosts(), Clock.systemUTC());
    } catch (RuntimeException e) {
      drivers.close();
      throw e;
    }
    context.setAttribute(DRIVERS_ATTRIBUTE, drivers);
    sipHandlers.connect(
        agent.subscribeService(),
        agent.publishService(),
        agent.notifyResponseService(),
        settings.maxBodySize(),
        settings.pendingResponseCode())
        .withRegistrar(agent.registerService(), agent.clock())
        .withMessaging(agent.messageService())
        .withContactLimits(settings.limits().maxContacts(), settings.limits().allowInternalContacts())
        .withCapabilities(agent.capabilities().eventPackages(), agent.capabilities().publishableTypes())
        .withTraffic(sipTraffic(agent.metrics()))
        .withAdmission(agent.admission())
        .withRequestValidation()
        .withIdentity(agent.identity().sipDigest(), agent.identity().trustedProxies(), agent.identity().domains());
    XcapAccess access = settings.xcapOpen() ? XcapAccess.open()
        : XcapAccess.withSubscribers(agent.identity().subscribers(), agent.identity().digest());
    if (access.isOpen()) {
      LOG.warn("xcap_open=1: anybody may read and change every XCAP document; use it for local testing only");
    }
    context.setAttribute(XcapEndpoint.ATTRIBUTE, new XcapEndpoint(agent.xcapService(), access, settings.maxBodySize()));
    PresenceMetrics metrics = agent.metrics();
    context.setAttribute(HttpTraffic.ATTRIBUTE, (HttpTraffic) metrics::xcapServerRequest);
    context.setAttribute(MetricsEndpoint.ATTRIBUTE, settings.metricsEnabled()
        ? (MetricsEndpoint) accept -> Optional.of(exposition(metrics.scrape(accept)))
        : MetricsEndpoint.DISABLED);
    context.setAttribute(AdminEndpoint.ATTRIBUTE, new AdminEndpoint(agent.managementService(),
        AdminAccess.of(settings.adminCredentials(), settings.adminRemote()), settings.maxBodySize(),
        new ConsoleSessions(agent.clock()), () -> liveCounters(metrics), presentity -> storedRules(agent, presentity),
        agent.subscriberManagement(), agent.clusterOverview()));
    context.setAttribute(SiteEndpoint.ATTRIBUTE, new SiteEndpoint(PresenceAgentVersion.read(), settings.metricsEnabled(),
        AdminAccess.of(settings.adminCredentials(), settings.adminRemote())));
    if (settings.adminCredentials().isEmpty()) {
      LOG.info("the HTTP admin API (/admin/) is off: set admin_credentials to enable it");
    } else if (settings.adminRemote()) {
      LOG.warn("admin_remote=1: the HTTP admin API answers any address; put TLS in front of it");
    }
    context.setAttribute(AGENT_ATTRIBUTE, agent);
    context.setAttribute(DRAIN_ATTRIBUTE, (Runnable) () -> drain(agent));
    context.setAttribute(INTERNAL_SUBSCRIPTIONS_ATTRIBUTE, agent.internalSubscriptions());
    context.setAttribute(SipHandlers.ATTRIBUTE, sipHandlers);
    LOG.info("Presence Agent started: {}", settings);
    LOG.info("identity: {}", identityMode(settings.identity()));
  }

  /** Which identity checks are in force, for the log (the standalone banner says the same). */
  private static String identityMode(IdentitySettings identity) {
    if (identity.digestAuth()) {
      return "digest authentication in realm " + identity.realm()
          + (identity.trustedProxies().isEmpty() ? "" : ", trusted proxies " + identity.trustedProxies());
    }
    if (!identity.trustedProxies().isEmpty()) {
      return "trusted proxies " + identity.trustedProxies() + " assert identities; other senders are refused";
    }
    return "open: From is believed (set digest_auth or trusted_proxies on anything but a trial host)";
  }

  private static SipTraffic sipTraffic(PresenceMetrics metrics) {
    return new SipTraffic() {
      @Override
      public void requestHandled(String method, int finalStatus) {
        metrics.sipRequest(method, finalStatus);
      }

      @Override
      public void notifyAnswered(int status) {
        metrics.notifyAnswered(status);
      }
    };
  }

  /** The console's live view, from the same meters as /metrics (counting happens even with metrics off). */
  private static LiveCounters liveCounters(PresenceMetrics metrics) {
    Map<String, Long> subscriptions = new TreeMap<>();
    metrics.byTags("presence.subscriptions", "event", "state").forEach((key, value) -> subscriptions.put(key, value.longValue()));
    return new LiveCounters(subscriptions, (long) metrics.total("presence.presentities"),
        (long) metrics.total("presence.publications"), (long) metrics.total("presence.registrations"),
        (long) metrics.total("presence.sip.requests"), (long) metrics.total("presence.notify.sent"),
        (long) metrics.total("presence.notify.failed"));
  }

  /** A presentity's pres-rules document in the built-in XCAP store, for the console to show. */
  private static Optional<String> storedRules(PresenceAgent agent, Aor presentity) {
    try {
      return Optional.of(new String(agent.xcapService().get(new DocumentSelector(StoredRules.AUID, presentity,
          StoredRules.DOCUMENT_NAME), Preconditions.NONE).document().body(), StandardCharsets.UTF_8));
    } catch (XcapRejectedException e) {
      return Optional.empty(); // no document stored (404)
    }
  }

  private static MetricsEndpoint.Exposition exposition(PresenceMetrics.Exposition scrape) {
    return new MetricsEndpoint.Exposition(scrape.contentType(), scrape.body());
  }

  /**
   * Stops without dropping work: new requests are answered 503 with Retry-After from now on, the
   * requests already started are finished (stored and answered, for a bounded time), and only then
   * are the database and the workers closed. Then every attribute the application put into the
   * servlet context is taken out again: a container may keep a stopped context object around
   * (Restcomm's SIP container keeps the last one), and an attribute left in it would keep the
   * application in memory after an undeploy.
   */
  @Override
  public void contextDestroyed(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    try {
      if (context.getAttribute(AGENT_ATTRIBUTE) instanceof PresenceAgent presenceAgent) {
        drain(presenceAgent);
        presenceAgent.close();
        if (context.getAttribute(SipHandlers.ATTRIBUTE) instanceof SipHandlers handlers) {
          handlers.detachFromStack();
        }
        LOG.info("Presence Agent stopped");
      }
      if (context.getAttribute(DRIVERS_ATTRIBUTE) instanceof JdbcDrivers drivers) {
        drivers.close(); // after the database is closed
      }
    } finally {
      for (String attribute : List.of(AGENT_ATTRIBUTE, DRIVERS_ATTRIBUTE, INTERNAL_SUBSCRIPTIONS_ATTRIBUTE,
          SipHandlers.ATTRIBUTE, XcapEndpoint.ATTRIBUTE, HttpTraffic.ATTRIBUTE, MetricsEndpoint.ATTRIBUTE,
          AdminEndpoint.ATTRIBUTE, SiteEndpoint.ATTRIBUTE, DRAIN_ATTRIBUTE)) {
        context.removeAttribute(attribute);
      }
    }
  }

  private static void drain(PresenceAgent agent) {
    agent.admission().stop();
    if (!agent.admission().awaitIdle(STOP_PATIENCE)) {
      LOG.warn("{} requests were still being handled after {} s; stopping anyway",
          agent.admission().pending(), STOP_PATIENCE.toSeconds());
    }
  }

  /** How long a stop waits for the requests already started. */
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);
}
