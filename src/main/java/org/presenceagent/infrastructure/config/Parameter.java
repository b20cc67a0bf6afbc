package org.presenceagent.infrastructure.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The application's parameters: {@code sip.xml} context parameters with the SER {@code pa}
 * module's names where the seed has one. This list is the single source of the parameter table of
 * docs/configuration.md (ConfigurationReferenceTest keeps both equal).
 */
public enum Parameter {
  DEFAULT_EXPIRES("default_expires", "3600",
      "Expiry in seconds granted when a SUBSCRIBE or PUBLISH has no Expires header.", "default_expires"),
  MAX_SUBSCRIPTION_EXPIRATION("max_subscription_expiration", "3600",
      "Longest subscription granted, in seconds; longer requests are shortened.", "max_subscription_expiration"),
  MAX_PUBLISH_EXPIRATION("max_publish_expiration", "3600",
      "Longest publication granted, in seconds; longer requests are shortened.", "max_publish_expiration"),
  MAX_REGISTRATION_EXPIRATION("max_registration_expiration", "3600",
      "Longest registration granted, in seconds; longer requests are shortened.", "-"),
  NOTIFY_OFFLINE_BODY("notify_offline_body", "1",
      "1: a presentity with nothing published or registered is notified as one closed tuple; 0: its NOTIFYs"
          + " carry no body (as OpenSIPS' notify_offline_body=0).", "-"),
  USE_CALLBACKS("use_callbacks", "1",
      "1: each registered contact is an open tuple of the user's presence and the user is offline when the last"
          + " binding ends; 0: presence comes from PUBLISH only.", "use_callbacks"),
  DIGEST_AUTH("digest_auth", "0",
      "1: REGISTER, SUBSCRIBE, PUBLISH and MESSAGE from clients need digest credentials of a subscriber (RFC 3261"
          + " section 22, qop=auth, 401 challenge); the authenticated user must be the From AOR (SUBSCRIBE, MESSAGE),"
          + " the Request-URI AOR (PUBLISH) or the To AOR (REGISTER), else 403; a replayed Authorization gets 401."
          + " 0: SIP requests are not authenticated (a loopback trial, or behind trusted_proxies).", "-"),
  DIGEST_REALM("digest_realm", "",
      "Digest realm of the challenges and of the stored HA1 hashes (usually the SIP domain); empty means"
          + " register_auth_realm, else the first of domains, else presence-agent.", "-"),
  DIGEST_ALGORITHMS("digest_algorithms", "MD5",
      "Digest algorithms offered, one challenge each in this order (RFC 8760: a client takes the first it"
          + " supports): MD5, SHA-256 or both (e.g. SHA-256,MD5). MD5 alone by default: some clients in use"
          + " (baresip 1.0) give up on a SHA-256 challenge even next to an MD5 one.", "-"),
  DIGEST_SECRET("digest_secret", "",
      "Key (16 characters or more) that signs the digest nonces; give every node the same one so that nonces"
          + " survive restarts and work on every node; empty means register_auth_secret, else a random key at each"
          + " start.", "-"),
  SUBSCRIBERS("subscribers", "",
      "Users who may authenticate (SIP digest, XCAP basic and digest): comma-separated user@domain:password"
          + " pairs; only the HA1 hashes are kept. Users added through the admin API or JMX go to the database"
          + " table subscriber.", "-"),
  SUBSCRIBERS_FILE("subscribers_file", "",
      "A file of users in htdigest format, one user:realm:HA1 line each (HA1 = MD5 of user:realm:password, 32 hex"
          + " digits, or SHA-256, 64; user is user@domain or the user part in the realm's domain); lines of other"
          + " realms are ignored.", "-"),
  TRUSTED_PROXIES("trusted_proxies", "",
      "IP addresses and CIDR ranges (comma-separated) of proxies that authenticate users for us (RFC 3325):"
          + " their requests are not challenged and the sender is their P-Asserted-Identity (From when absent);"
          + " a P-Asserted-Identity from anybody else is ignored.", "-"),
  DOMAINS("domains", "",
      "The SIP domains served (comma-separated): SUBSCRIBE, PUBLISH, REGISTER and MESSAGE for any other domain"
          + " get 403 (MESSAGE: Not relaying); empty means localhost, localhost.localdomain, 127.0.0.1, [::1],"
          + " the addresses listened on and the digest realm.", "-"),
  PROTECTED_MODE("protected_mode", "1",
      "1: the standalone server refuses to start on an address other than loopback unless digest_auth=1 or"
          + " trusted_proxies is set; 0: it starts open (anybody may act as anybody): say so only on a"
          + " trusted network.", "-"),
  REGISTER_AUTH("register_auth", "0",
      "Older name: 1 is digest_auth=1, which now covers SUBSCRIBE, PUBLISH and MESSAGE as well (logged at"
          + " start-up).", "-"),
  REGISTER_AUTH_REALM("register_auth_realm", "", "Older name of digest_realm.", "-"),
  REGISTER_CREDENTIALS("register_credentials", "",
      "Older form of subscribers: comma-separated user:password pairs, each user in the digest realm's domain.",
      "-"),
  REGISTER_CREDENTIALS_FILE("register_credentials_file", "", "Older name of subscribers_file.", "-"),
  REGISTER_AUTH_SECRET("register_auth_secret", "", "Older name of digest_secret.", "-"),
  MIN_EXPIRES("min_expires", "60",
      "Shortest non-zero expiry accepted, in seconds; shorter requests get 423 with Min-Expires.", "-"),
  USE_DB("use_db", "1",
      "1: subscriptions and publications are written to the database before each answer and reloaded at"
          + " start-up; 0: memory only (fastest, lost on restart).", "use_db"),
  DB_URL("db_url", "",
      "JDBC URL of the database; empty means an embedded H2 database in data_dir.", "db_url"),
  DB_USER("db_user", "", "Database user (for db_url).", "-"),
  DB_PASSWORD("db_password", "", "Database password (for db_url).", "-"),
  DB_JNDI_NAME("db_jndi_name", "",
      "JNDI name of a container-managed, non-JTA data source to use instead of db_url (e.g."
          + " java:jboss/datasources/PresenceAgentDS on WildFly; see wildfly-config/); empty means db_url.", "-"),
  DATA_DIR("data_dir", "data", "Directory of the embedded H2 database.", "-"),
  AUTH("auth", "",
      "Authorization of presence watchers: none (all active), implicit (all pending), xcap (each"
          + " presentity's pres-rules decide, from auth_xcap_root or the built-in XCAP server); empty means implicit with an error"
          + " logged, as in the seed.", "auth"),
  AUTH_XCAP_ROOT("auth_xcap_root", "",
      "With auth=xcap: root URI of an external XCAP server to read pres-rules from"
          + " (<root>/pres-rules/users/<presentity>/presence-rules.xml); empty means the built-in XCAP server.",
      "auth_xcap_root"),
  AUTH_RULES_REFRESH_TIME("auth_rules_refresh_time", "300",
      "Seconds between revalidations of the pres-rules cached from auth_xcap_root (If-None-Match);"
          + " changed rules re-evaluate the presentity's subscriptions.", "auth_rules_refresh_time"),
  ACCEPT_INTERNAL_SUBSCRIPTIONS("accept_internal_subscriptions", "0",
      "1: components in the same JVM may subscribe to presence through the Java API InternalSubscriptions"
          + " (servlet context attribute org.presenceagent.application.internal.InternalSubscriptions), authorized"
          + " as SIP watchers, kept in memory only; 0: such subscriptions are refused.", "accept_internal_subscriptions"),
  PRES_RULES_TRANSFORMATIONS("pres_rules_transformations", "seed",
      "With auth=xcap, what an allowed watcher whose matching rules grant no provide-* element sees: seed (the whole"
          + " document, as the seed's examples with empty transformations, SER pa and Kamailio) or rfc5025 (nothing: a document"
          + " without persons, devices or services, RFC 5025 section 3.3). Rules that grant something are always applied.",
      "-"),
  WATCHERINFO_NOTIFY("watcherinfo_notify", "1",
      "1: the presence.winfo event package (RFC 3857) is offered; 0: its subscriptions get 489.", "watcherinfo_notify"),
  WINFO_AUTH("winfo_auth", "implicit",
      "Authorization of presence.winfo watchers: implicit (only the presentity itself; others get 403) or"
          + " none (anybody).", "winfo_auth"),
  USE_OFFLINE_WINFO("use_offline_winfo", "0",
      "1: a watcher left pending by an offline presentity (nothing published) is stored and reported in the"
          + " presentity's next presence.winfo subscription, then deleted; 0: not stored.", "use_offline_winfo"),
  OFFLINE_WINFO_EXPIRATION("offline_winfo_expiration", "259200",
      "Seconds a stored offline watcher is kept before it is removed.", "offline_winfo_expiration"),
  OFFLINE_WINFO_TIMER("offline_winfo_timer", "3600",
      "Seconds between removals of expired offline watchers.", "offline_winfo_timer"),
  DELETE_SAME_SUBS("delete_same_subs", "1",
      "1: a new subscription removes the one it replaces (same watcher, presentity, event and Contact, another"
          + " Call-ID: a phone that rebooted); 0: the old one lives until it expires (Kamailio's delete_same_subs).",
      "-"),
  IGNORE_408_ON_NOTIFY("ignore_408_on_notify", "0",
      "1: a NOTIFY answered 408 (or timed out) keeps the subscription; 0: it removes it.", "ignore_408_on_notify"),
  MAX_BODY_SIZE("max_body_size", "65536",
      "Largest request body accepted, in bytes; larger ones get 413.", "-"),
  OVERLOAD_QUEUE_DELAY("overload_queue_delay", "200",
      "Overload control (RFC 6357): a new request that waited longer than this many milliseconds in the SIP"
          + " stack's receive queue, with a backlog behind it, is answered 503 with Retry-After at once, before any"
          + " work; requests in a dialog and responses are always served, so existing subscriptions go on.", "-"),
  OVERLOAD_PENDING_REQUESTS("overload_pending_requests", "2000",
      "Overload control: most requests being worked on (received, not yet answered: waiting for their"
          + " presentity's turn or their database commit) before new requests are answered 503 with Retry-After; a"
          + " hard cap on memory, the in-hand delay usually refuses first.",
      "-"),
  OVERLOAD_IN_HAND_DELAY("overload_in_hand_delay", "100",
      "Overload control: new requests are answered 503 with Retry-After while even the quickest request"
          + " answered in the last 100 ms took longer than this many milliseconds from arrival to answer, with at"
          + " least 32 in hand (a standing queue of work in hand, CoDel's test, RFC 8289); bursts the server absorbs"
          + " and a lone slow request pass. 0 turns the test off.",
      "-"),
  OVERLOAD_PRESENTITY_QUEUE("overload_presentity_queue", "256",
      "Overload control for one presentity: a new request (initial SUBSCRIBE, PUBLISH, REGISTER) is answered"
          + " 503 with Retry-After when its presentity already has this many requests waiting for its turn or being"
          + " worked on, so that a presentity addressed by very many clients at once cannot take the whole server's"
          + " share of requests in hand; other presentities are served meanwhile. At about 500 changes per second"
          + " to one presentity, 256 are half a second of waiting, when UDP clients start to retransmit.",
      "-"),
  OVERLOAD_RETRY_AFTER("overload_retry_after", "2",
      "Retry-After, in seconds, of the 503 answers of overload control and shutdown; each answer adds up to as"
          + " much again at random, so that refused clients do not all come back at once.", "-"),
  PENDING_RESPONSE_CODE("pending_response_code", "200",
      "Response to a SUBSCRIBE whose subscription is pending: 200 as RFC 6665 requires, or 202 as the seed"
          + " and RFC 3265 did.", "-"),
  XCAP_CREDENTIALS("xcap_credentials", "",
      "Older form of subscribers (user@host:password pairs), added to them: the XCAP server takes every"
          + " subscriber, with HTTP basic or digest authentication; each may access only the documents of"
          + " sip:user@host.", "-"),
  XCAP_OPEN("xcap_open", "0",
      "1: the built-in XCAP server asks for no credentials and anybody may access any document (local"
          + " testing only); 0: subscribers apply.", "-"),
  METRICS_ENABLED("metrics_enabled", "1",
      "1: counters and gauges are served in the Prometheus format at /metrics on the HTTP port (no personal"
          + " data, no credentials) and as MBeans under org.presenceagent:type=Metrics; 0: neither.", "-"),
  ADMIN_CREDENTIALS("admin_credentials", "",
      "Operators of the HTTP admin API under /admin/, comma-separated user:password pairs (HTTP basic"
          + " authentication); empty disables the API (every request gets 503 saying how to enable it).", "-"),
  ADMIN_REMOTE("admin_remote", "0",
      "1: the HTTP admin API answers requests from any address; 0: only from a loopback address (others get"
          + " 403).", "-"),
  MAX_CONTACTS("max_contacts", "10",
      "Most registered contacts per address of record (Kamailio's max_contacts); a REGISTER that would "
          + "exceed it gets 403 and changes nothing. It also bounds how far a MESSAGE forks.", "-"),
  ALLOW_INTERNAL_CONTACTS("allow_internal_contacts", "0",
      "1: a REGISTER may bind contacts at loopback, private, link-local or unspecified IP addresses; "
          + "0: such a contact is refused with 403 unless it is the address the REGISTER came from (a phone "
          + "on the server's own network), so nobody can make the server send MESSAGEs to internal services.", "-"),
  MAX_PUBLICATIONS("max_publications", "16",
      "Most publications one presentity may have per event package (devices publishing at once); a "
          + "further initial PUBLISH gets 403 and changes nothing.", "-"),
  MAX_COMPOSED_SIZE("max_composed_size", "262144",
      "Largest total size, in bytes, of a presentity's published documents, which the document sent to "
          + "its watchers is composed from; a PUBLISH that would exceed it gets 413 and changes nothing.", "-"),
  MAX_XML_DEPTH("max_xml_depth", "32",
      "Deepest element nesting accepted in any XML document received (PUBLISH bodies, XCAP documents, "
          + "pres-rules read from an XCAP server); deeper documents are refused as invalid (400 or 409).", "-"),
  MAX_CACHED_DOCUMENTS("max_cached_documents", "10000",
      "Most parsed documents (pres-rules, im-rules, static presence, pres-rules read from "
          + "auth_xcap_root) kept in memory per kind; the least used are dropped and read again when needed.", "-"),
  XCAP_MAX_DOCUMENTS("xcap_max_documents", "32",
      "Most documents one user may keep in the built-in XCAP server; a PUT creating one more gets 409.", "-"),
  CLUSTER("cluster", "0",
      "1: this node is one of several on one shared PostgreSQL database behind a SIP load balancer"
          + " (docs/scale-out.md): publication and registration changes reach the other nodes' watchers, and each"
          + " subscription is owned by the node that accepted it; needs use_db=1 and a jdbc:postgresql: db_url (refused"
          + " on H2 or db_jndi_name); 0: a single node.", "-"),
  NODE_ID("node_id", "",
      "With cluster=1: this node's stable name (1 to 128 letters, digits, '.', '_', ':', '-'), the same across its"
          + " restarts and different from every other node's; empty means the host name and SIP port (standalone"
          + " server with --param cluster=1), else the host name.", "-"),
  CLUSTER_LEASE("cluster_lease", "10",
      "With cluster=1: seconds a node's lease lasts (2 to 600); renewed every third of it; a node that cannot renew"
          + " stops sending NOTIFYs before its lease ends.", "-"),
  CLUSTER_POLL_INTERVAL("cluster_poll_interval", "1000",
      "With cluster=1: milliseconds (10 to 60000) between catch-up reads of the change log, the most a change of"
          + " another node is delayed when its wake-up (PostgreSQL NOTIFY) was lost.", "-"),
  JMX_NAME("jmx_name", "presence-agent",
      "The name key of the JMX MBeans (org.presenceagent:type=Presence,name=<jmx_name> and type=Settings):"
          + " give each deployment in one JVM its own; letters, digits, '.', '_' and '-'.", "-");

  private final String key;
  private final String defaultValue;
  private final String meaning;
  private final String seedName;

  Parameter(String key, String defaultValue, String meaning, String seedName) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.meaning = meaning;
    this.seedName = seedName;
  }

  /** The parameter's name in {@code sip.xml} and on the command line. */
  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String meaning() {
    return meaning;
  }

  /** The SER {@code pa} parameter it corresponds to, or {@code -}. */
  public String seedName() {
    return seedName;
  }

  public static Optional<Parameter> byKey(String key) {
    return Arrays.stream(values()).filter(parameter -> parameter.key.equals(key)).findFirst();
  }
}
