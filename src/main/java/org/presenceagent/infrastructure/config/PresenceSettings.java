package org.presenceagent.infrastructure.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.presenceagent.domain.auth.EmptyTransformationsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every application parameter, typed and validated once at start-up. Values come from a lookup
 * (the servlet context's parameters, i.e. {@code sip.xml} plus the launcher's {@code --param}
 * overrides), and a system property {@code presenceagent.<name>} overrides either.
 */
public record PresenceSettings(
    long defaultExpires,
    long maxSubscriptionExpiration,
    long maxPublishExpiration,
    long maxRegistrationExpiration,
    boolean notifyOfflineBody,
    boolean useCallbacks,
    IdentitySettings identity,
    long minExpires,
    boolean useDb,
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    Optional<String> dbJndiName,
    Path dataDir,
    AuthMode auth,
    Optional<URI> authXcapRoot,
    long authRulesRefreshTime,
    boolean acceptInternalSubscriptions,
    EmptyTransformationsPolicy presRulesTransformations,
    boolean watcherinfoNotify,
    AuthMode winfoAuth,
    boolean useOfflineWinfo,
    long offlineWinfoExpiration,
    long offlineWinfoTimer,
    boolean deleteSameSubs,
    boolean ignore408OnNotify,
    int maxBodySize,
    int pendingResponseCode,
    boolean xcapOpen,
    boolean metricsEnabled,
    Map<String, String> adminCredentials,
    boolean adminRemote,
    String jmxName,
    ClusterSettings cluster,
    OverloadLimits overload,
    ClientLimits limits) {

  public PresenceSettings {
    adminCredentials = Map.copyOf(adminCredentials);
  }

  /**
   * The overload control's limits (RFC 6357 local overload control).
   *
   * @param queueDelayMillis longest wait in the SIP stack's receive queue before new requests are refused
   * @param pendingRequests most requests being worked on before new requests are refused
   * @param inHandDelayMillis the time in hand of the quickest recent request above which new ones are refused
   * @param presentityQueue requests queued for one presentity's turn at which its new ones are refused
   * @param retryAfterSeconds the base Retry-After of a 503
   */
  public record OverloadLimits(long queueDelayMillis, int pendingRequests, long inHandDelayMillis,
      int presentityQueue, int retryAfterSeconds) {}

  /**
   * What one client can make the server hold or do (docs/security.md, "Hostile clients").
   *
   * @param maxContacts most bindings per address of record, and so most branches of a MESSAGE
   * @param allowInternalContacts whether contacts at internal IP addresses are bound from anywhere
   * @param maxPublications most publications per presentity and event package
   * @param maxComposedSize most bytes of published documents per presentity and event package
   * @param maxXmlDepth deepest element nesting of any XML document read
   * @param maxCachedDocuments most parsed documents kept per cache
   * @param xcapMaxDocuments most documents per user in the built-in XCAP server
   */
  public record ClientLimits(int maxContacts, boolean allowInternalContacts, int maxPublications,
      int maxComposedSize, int maxXmlDepth, int maxCachedDocuments, int xcapMaxDocuments) {}

  /** What a JMX name key may hold without quoting (ObjectName reserves , = : " * ? and newlines). */
  private static final Pattern JMX_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final Logger LOG = LoggerFactory.getLogger(PresenceSettings.class);
  static final String SYSTEM_PROPERTY_PREFIX = "presenceagent.";

  /** The settings with every parameter at its default. */
  public static PresenceSettings defaults() {
    return from(name -> null);
  }

  /** Settings from a map of raw values (missing names take their defaults). */
  public static PresenceSettings from(Map<String, String> values) {
    rejectUnknown(values.keySet());
    return from(values::get);
  }

  /**
   * Reads and validates every parameter.
   *
   * @param lookup raw value by parameter name, {@code null} when not set
   * @throws InvalidSettingException naming the first bad parameter, its value and the allowed range
   */
  public static PresenceSettings from(Function<String, String> lookup) {
    Function<Parameter, String> raw = parameter -> Optional
        .ofNullable(System.getProperty(SYSTEM_PROPERTY_PREFIX + parameter.key()))
        .or(() -> Optional.ofNullable(lookup.apply(parameter.key())))
        .map(String::trim)
        .orElse(parameter.defaultValue());
    long maxSubscription = seconds(raw, Parameter.MAX_SUBSCRIPTION_EXPIRATION, 1);
    long maxPublish = seconds(raw, Parameter.MAX_PUBLISH_EXPIRATION, 1);
    long maxRegistration = seconds(raw, Parameter.MAX_REGISTRATION_EXPIRATION, 1);
    long minExpires = seconds(raw, Parameter.MIN_EXPIRES, 0);
    if (minExpires > Math.min(Math.min(maxSubscription, maxPublish), maxRegistration)) {
      throw new InvalidSettingException("invalid parameter min_expires=" + minExpires
          + ": must not exceed max_subscription_expiration, max_publish_expiration and max_registration_expiration");
    }
    long defaultExpires = seconds(raw, Parameter.DEFAULT_EXPIRES, 1);
    if (defaultExpires < minExpires) {
      // Otherwise every request without an Expires header would be refused with 423.
      throw new InvalidSettingException("invalid parameter default_expires=" + defaultExpires
          + ": must not be below min_expires=" + minExpires);
    }
    IdentitySettings identity = IdentitySettings.read(raw, parameter -> flag(raw, parameter));
    String dbUrl = raw.apply(Parameter.DB_URL);
    String dbJndiName = raw.apply(Parameter.DB_JNDI_NAME);
    if (!dbUrl.isEmpty() && !dbJndiName.isEmpty()) {
      throw new InvalidSettingException("invalid parameter db_jndi_name=" + dbJndiName
          + ": db_url and db_jndi_name exclude each other; set only one");
    }
    boolean useDb = flag(raw, Parameter.USE_DB);
    Optional<String> validDbUrl = dbUrl.isEmpty() ? Optional.empty() : Optional.of(requireJdbc(dbUrl));
    Optional<String> validJndiName = dbJndiName.isEmpty() ? Optional.empty() : Optional.of(dbJndiName);
    ClusterSettings cluster = ClusterSettings.read(flag(raw, Parameter.CLUSTER), raw.apply(Parameter.NODE_ID),
        integer(raw, Parameter.CLUSTER_LEASE, 2, 600), integer(raw, Parameter.CLUSTER_POLL_INTERVAL, 10, 60_000));
    cluster.requireSharedPostgres(useDb, validDbUrl, validJndiName);
    return new PresenceSettings(
        defaultExpires,
        maxSubscription,
        maxPublish,
        maxRegistration,
        flag(raw, Parameter.NOTIFY_OFFLINE_BODY),
        flag(raw, Parameter.USE_CALLBACKS),
        identity,
        minExpires,
        useDb,
        validDbUrl,
        raw.apply(Parameter.DB_USER),
        raw.apply(Parameter.DB_PASSWORD),
        validJndiName,
        Path.of(raw.apply(Parameter.DATA_DIR).isEmpty() ? "data" : raw.apply(Parameter.DATA_DIR)),
        auth(raw.apply(Parameter.AUTH)),
        xcapRoot(raw.apply(Parameter.AUTH_XCAP_ROOT)),
        seconds(raw, Parameter.AUTH_RULES_REFRESH_TIME, 1),
        flag(raw, Parameter.ACCEPT_INTERNAL_SUBSCRIPTIONS),
        presRulesTransformations(raw.apply(Parameter.PRES_RULES_TRANSFORMATIONS)),
        flag(raw, Parameter.WATCHERINFO_NOTIFY),
        winfoAuth(raw.apply(Parameter.WINFO_AUTH)),
        flag(raw, Parameter.USE_OFFLINE_WINFO),
        seconds(raw, Parameter.OFFLINE_WINFO_EXPIRATION, 1),
        seconds(raw, Parameter.OFFLINE_WINFO_TIMER, 1),
        flag(raw, Parameter.DELETE_SAME_SUBS),
        flag(raw, Parameter.IGNORE_408_ON_NOTIFY),
        (int) integer(raw, Parameter.MAX_BODY_SIZE, 1024, 16 * 1024 * 1024),
        (int) oneOf(raw, Parameter.PENDING_RESPONSE_CODE, 200, 202),
        flag(raw, Parameter.XCAP_OPEN),
        flag(raw, Parameter.METRICS_ENABLED),
        CredentialList.ofUsers(Parameter.ADMIN_CREDENTIALS, raw.apply(Parameter.ADMIN_CREDENTIALS)),
        flag(raw, Parameter.ADMIN_REMOTE),
        jmxName(raw.apply(Parameter.JMX_NAME)),
        cluster,
        new OverloadLimits(
            integer(raw, Parameter.OVERLOAD_QUEUE_DELAY, 10, 60_000),
            (int) integer(raw, Parameter.OVERLOAD_PENDING_REQUESTS, 10, 10_000_000),
            integer(raw, Parameter.OVERLOAD_IN_HAND_DELAY, 0, 60_000),
            (int) integer(raw, Parameter.OVERLOAD_PRESENTITY_QUEUE, 1, 10_000_000),
            (int) integer(raw, Parameter.OVERLOAD_RETRY_AFTER, 1, 3600)),
        new ClientLimits(
            (int) integer(raw, Parameter.MAX_CONTACTS, 1, 1000),
            flag(raw, Parameter.ALLOW_INTERNAL_CONTACTS),
            (int) integer(raw, Parameter.MAX_PUBLICATIONS, 1, 1000),
            (int) integer(raw, Parameter.MAX_COMPOSED_SIZE, 1024, 64 * 1024 * 1024),
            (int) integer(raw, Parameter.MAX_XML_DEPTH, 8, 1000),
            (int) integer(raw, Parameter.MAX_CACHED_DOCUMENTS, 100, 10_000_000),
            (int) integer(raw, Parameter.XCAP_MAX_DOCUMENTS, 1, 100_000)));
  }

  /** Fails on names that are not parameters, listing the known ones. */
  public static void rejectUnknown(Iterable<String> names) {
    for (String name : names) {
      if (Parameter.byKey(name).isEmpty()) {
        throw new InvalidSettingException("unknown parameter '" + name + "'; known parameters: "
            + Arrays.stream(Parameter.values()).map(Parameter::key).collect(Collectors.joining(", ")));
      }
    }
  }

  private static long seconds(Function<Parameter, String> raw, Parameter parameter, long minimum) {
    return integer(raw, parameter, minimum, Integer.MAX_VALUE);
  }

  private static long integer(Function<Parameter, String> raw, Parameter parameter, long minimum, long maximum) {
    String value = raw.apply(parameter);
    try {
      long number = Long.parseLong(value);
      if (number >= minimum && number <= maximum) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw new InvalidSettingException("invalid parameter " + parameter.key() + "=" + value
        + ": must be an integer between " + minimum + " and " + maximum);
  }

  private static long oneOf(Function<Parameter, String> raw, Parameter parameter, long first, long second) {
    String value = raw.apply(parameter);
    if (value.equals(Long.toString(first)) || value.equals(Long.toString(second))) {
      return Long.parseLong(value);
    }
    throw new InvalidSettingException(
        "invalid parameter " + parameter.key() + "=" + value + ": must be " + first + " or " + second);
  }

  private static boolean flag(Function<Parameter, String> raw, Parameter parameter) {
    String value = raw.apply(parameter).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "1", "true", "yes", "on" -> true;
      case "0", "false", "no", "off" -> false;
      default -> throw new InvalidSettingException(
          "invalid parameter " + parameter.key() + "=" + value + ": must be 1 or 0");
    };
  }

  private static String requireJdbc(String url) {
    if (!url.startsWith("jdbc:")) {
      throw new InvalidSettingException("invalid parameter db_url=" + url + ": must be a JDBC URL (jdbc:...)");
    }
    return url;
  }

  private static AuthMode auth(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "none":
        return AuthMode.NONE;
      case "implicit":
        return AuthMode.IMPLICIT;
      case "":
        // The seed's documented behaviour: empty means implicit, with an error message.
        LOG.error("parameter auth is empty: using implicit authorization (every watcher pending);"
            + " set auth=none or auth=implicit explicitly");
        return AuthMode.IMPLICIT;
      case "xcap":
        return AuthMode.XCAP;
      default:
        throw new InvalidSettingException("invalid parameter auth=" + value + ": must be none, implicit or xcap");
    }
  }

  private static EmptyTransformationsPolicy presRulesTransformations(String value) {
    try {
      return EmptyTransformationsPolicy.ofToken(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("invalid parameter pres_rules_transformations=" + value + ": " + e.getMessage());
    }
  }

  /** The seed's {@code winfo_auth}: none or implicit (no rules apply to watcher information). */
  private static AuthMode winfoAuth(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "none" -> AuthMode.NONE;
      case "implicit" -> AuthMode.IMPLICIT;
      default -> throw new InvalidSettingException(
          "invalid parameter winfo_auth=" + value + ": must be none or implicit");
    };
  }

  private static Optional<URI> xcapRoot(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
          && uri.getUserInfo() == null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new InvalidSettingException(
        "invalid parameter auth_xcap_root=" + value + ": must be an http or https URI without credentials, e.g. http://xcap.example.com/xcap-root");
  }


  private static String jmxName(String value) {
    if (!JMX_NAME.matcher(value).matches()) {
      throw new InvalidSettingException("invalid parameter jmx_name=" + value
          + ": must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    return value;
  }

  /**
   * Every parameter's effective value by name, for the management views: passwords and keys are
   * shown as {@code ****}, credentials by user name only.
   */
  public Map<String, String> describe() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(Parameter.DEFAULT_EXPIRES.key(), Long.toString(defaultExpires));
    values.put(Parameter.MAX_SUBSCRIPTION_EXPIRATION.key(), Long.toString(maxSubscriptionExpiration));
    values.put(Parameter.MAX_PUBLISH_EXPIRATION.key(), Long.toString(maxPublishExpiration));
    values.put(Parameter.MAX_REGISTRATION_EXPIRATION.key(), Long.toString(maxRegistrationExpiration));
    values.put(Parameter.NOTIFY_OFFLINE_BODY.key(), flag(notifyOfflineBody));
    values.put(Parameter.USE_CALLBACKS.key(), flag(useCallbacks));
    identity.describe(values);
    // The older names are read as the new ones (IdentitySettings): shown with what they became.
    values.put(Parameter.REGISTER_AUTH.key(), "see " + Parameter.DIGEST_AUTH.key());
    values.put(Parameter.REGISTER_AUTH_REALM.key(), "see " + Parameter.DIGEST_REALM.key());
    values.put(Parameter.REGISTER_CREDENTIALS.key(), "see " + Parameter.SUBSCRIBERS.key());
    values.put(Parameter.REGISTER_CREDENTIALS_FILE.key(), "see " + Parameter.SUBSCRIBERS_FILE.key());
    values.put(Parameter.REGISTER_AUTH_SECRET.key(), "see " + Parameter.DIGEST_SECRET.key());
    values.put(Parameter.MIN_EXPIRES.key(), Long.toString(minExpires));
    values.put(Parameter.USE_DB.key(), flag(useDb));
    values.put(Parameter.DB_URL.key(), dbUrl.orElse(""));
    values.put(Parameter.DB_USER.key(), dbUser);
    values.put(Parameter.DB_PASSWORD.key(), masked(dbPassword));
    values.put(Parameter.DB_JNDI_NAME.key(), dbJndiName.orElse(""));
    values.put(Parameter.DATA_DIR.key(), dataDir.toString());
    values.put(Parameter.AUTH.key(), auth.name().toLowerCase(Locale.ROOT));
    values.put(Parameter.AUTH_XCAP_ROOT.key(), authXcapRoot.map(URI::toString).orElse(""));
    values.put(Parameter.AUTH_RULES_REFRESH_TIME.key(), Long.toString(authRulesRefreshTime));
    values.put(Parameter.ACCEPT_INTERNAL_SUBSCRIPTIONS.key(), flag(acceptInternalSubscriptions));
    values.put(Parameter.PRES_RULES_TRANSFORMATIONS.key(), presRulesTransformations.token());
    values.put(Parameter.WATCHERINFO_NOTIFY.key(), flag(watcherinfoNotify));
    values.put(Parameter.WINFO_AUTH.key(), winfoAuth.name().toLowerCase(Locale.ROOT));
    values.put(Parameter.USE_OFFLINE_WINFO.key(), flag(useOfflineWinfo));
    values.put(Parameter.OFFLINE_WINFO_EXPIRATION.key(), Long.toString(offlineWinfoExpiration));
    values.put(Parameter.OFFLINE_WINFO_TIMER.key(), Long.toString(offlineWinfoTimer));
    values.put(Parameter.DELETE_SAME_SUBS.key(), flag(deleteSameSubs));
    values.put(Parameter.IGNORE_408_ON_NOTIFY.key(), flag(ignore408OnNotify));
    values.put(Parameter.MAX_BODY_SIZE.key(), Integer.toString(maxBodySize));
    values.put(Parameter.OVERLOAD_QUEUE_DELAY.key(), Long.toString(overload.queueDelayMillis()));
    values.put(Parameter.OVERLOAD_PENDING_REQUESTS.key(), Integer.toString(overload.pendingRequests()));
    values.put(Parameter.OVERLOAD_IN_HAND_DELAY.key(), Long.toString(overload.inHandDelayMillis()));
    values.put(Parameter.OVERLOAD_PRESENTITY_QUEUE.key(), Integer.toString(overload.presentityQueue()));
    values.put(Parameter.OVERLOAD_RETRY_AFTER.key(), Integer.toString(overload.retryAfterSeconds()));
    values.put(Parameter.PENDING_RESPONSE_CODE.key(), Integer.toString(pendingResponseCode));
    values.put(Parameter.XCAP_CREDENTIALS.key(), "see " + Parameter.SUBSCRIBERS.key());
    values.put(Parameter.XCAP_OPEN.key(), flag(xcapOpen));
    values.put(Parameter.METRICS_ENABLED.key(), flag(metricsEnabled));
    values.put(Parameter.ADMIN_CREDENTIALS.key(), usersOnly(adminCredentials));
    values.put(Parameter.ADMIN_REMOTE.key(), flag(adminRemote));
    values.put(Parameter.MAX_CONTACTS.key(), Integer.toString(limits.maxContacts()));
    values.put(Parameter.ALLOW_INTERNAL_CONTACTS.key(), flag(limits.allowInternalContacts()));
    values.put(Parameter.MAX_PUBLICATIONS.key(), Integer.toString(limits.maxPublications()));
    values.put(Parameter.MAX_COMPOSED_SIZE.key(), Integer.toString(limits.maxComposedSize()));
    values.put(Parameter.MAX_XML_DEPTH.key(), Integer.toString(limits.maxXmlDepth()));
    values.put(Parameter.MAX_CACHED_DOCUMENTS.key(), Integer.toString(limits.maxCachedDocuments()));
    values.put(Parameter.XCAP_MAX_DOCUMENTS.key(), Integer.toString(limits.xcapMaxDocuments()));
    values.put(Parameter.CLUSTER.key(), flag(cluster.enabled()));
    values.put(Parameter.NODE_ID.key(), cluster.nodeId().orElse(""));
    values.put(Parameter.CLUSTER_LEASE.key(), Long.toString(cluster.lease().toSeconds()));
    values.put(Parameter.CLUSTER_POLL_INTERVAL.key(), Long.toString(cluster.pollInterval().toMillis()));
    values.put(Parameter.JMX_NAME.key(), jmxName);
    return values;
  }

  private static String flag(boolean value) {
    return value ? "1" : "0";
  }

  private static String masked(String secret) {
    return secret.isEmpty() ? "" : "****";
  }

  private static String usersOnly(Map<String, String> credentials) {
    return credentials.keySet().stream().map(user -> user + ":****").collect(Collectors.joining(","));
  }

  /** Like the record's own, but never shows the database password nor the XCAP passwords. */
  @Override
  public String toString() {
    return "PresenceSettings[defaultExpires=" + defaultExpires + ", maxSubscriptionExpiration="
        + maxSubscriptionExpiration + ", maxPublishExpiration=" + maxPublishExpiration
        + ", maxRegistrationExpiration=" + maxRegistrationExpiration + ", notifyOfflineBody=" + notifyOfflineBody + ", useCallbacks=" + useCallbacks
        + ", identity=[" + identity + "]"
        + ", minExpires=" + minExpires
        + ", useDb=" + useDb + ", dbUrl=" + dbUrl.orElse("(embedded)") + ", dbUser=" + dbUser
        + ", dbPassword=" + (dbPassword.isEmpty() ? "" : "****") + ", dbJndiName=" + dbJndiName.orElse("")
        + ", dataDir=" + dataDir + ", auth=" + auth
        + ", authXcapRoot=" + authXcapRoot.map(URI::toString).orElse("(built-in)") + ", authRulesRefreshTime="
        + authRulesRefreshTime + ", acceptInternalSubscriptions=" + acceptInternalSubscriptions
        + ", presRulesTransformations=" + presRulesTransformations.token()
        + ", watcherinfoNotify=" + watcherinfoNotify + ", winfoAuth=" + winfoAuth
        + ", useOfflineWinfo=" + useOfflineWinfo + ", offlineWinfoExpiration=" + offlineWinfoExpiration
        + ", offlineWinfoTimer=" + offlineWinfoTimer
        + ", deleteSameSubs=" + deleteSameSubs + ", ignore408OnNotify=" + ignore408OnNotify + ", maxBodySize=" + maxBodySize
        + ", pendingResponseCode=" + pendingResponseCode
        + ", xcapOpen=" + xcapOpen + ", metricsEnabled=" + metricsEnabled
        + ", adminUsers=" + new java.util.TreeSet<>(adminCredentials.keySet()) + ", adminRemote=" + adminRemote
        + ", jmxName=" + jmxName + ", cluster=" + cluster + ", overload=" + overload + ", limits=" + limits + "]";
  }

  /** The JDBC URL to use: {@code db_url}, or an embedded H2 file database in {@code data_dir}. */
  public String effectiveDbUrl() {
    // WRITE_DELAY=0: a committed change reaches the file at commit, so a killed process loses nothing
    // it acknowledged.
    return dbUrl.orElseGet(() -> "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("presence-agent")
        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
  }
}
