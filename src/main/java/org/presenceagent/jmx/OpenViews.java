package org.presenceagent.jmx;

import java.util.List;
import java.util.function.Function;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.presenceagent.application.manage.BindingView;
import org.presenceagent.application.manage.CleanupResult;
import org.presenceagent.application.manage.PresentityDetails;
import org.presenceagent.application.manage.PresentitySummary;
import org.presenceagent.application.manage.PublicationView;
import org.presenceagent.application.manage.SubscriptionView;
import org.presenceagent.application.port.ClusterView;
import org.presenceagent.application.publish.PublishResult;

/**
 * The management views as open data ({@code CompositeData} with fixed {@code CompositeType}s), so
 * that a console needs none of our classes to show them. Instants are ISO-8601 strings.
 */
final class OpenViews {

  static final Shape PRESENTITY = shape("Presentity", "A presentity and what is held about it",
      new String[] {"presentity", "publications", "registrations", "subscriptions", "online"},
      SimpleType.STRING, SimpleType.INTEGER, SimpleType.INTEGER, SimpleType.INTEGER, SimpleType.BOOLEAN);

  static final Shape PUBLICATION = shape("Publication", "A publication (RFC 3903)",
      new String[] {"etag", "event", "contentType", "expiresAt", "expiresIn"},
      SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.LONG);

  static final Shape REGISTRATION = shape("Registration", "A registered contact",
      new String[] {"contact", "q", "instanceId", "callId", "expiresAt", "expiresIn"},
      SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.LONG);

  static final Shape SUBSCRIPTION = shape("Subscription", "A subscription (RFC 6665)",
      new String[] {"id", "watcher", "presentity", "event", "state", "contentType", "expiresAt", "expiresIn", "callId",
          "notifications"},
      SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING,
      SimpleType.STRING, SimpleType.STRING, SimpleType.LONG, SimpleType.STRING, SimpleType.LONG);

  static final Shape DETAILS = shape("PresentityDetails", "A presentity's composed state",
      new String[] {"presentity", "publications", "registrations", "subscriptions", "online", "presenceDocument",
          "publicationList", "registrationList"},
      SimpleType.STRING, SimpleType.INTEGER, SimpleType.INTEGER, SimpleType.INTEGER, SimpleType.BOOLEAN,
      SimpleType.STRING, arrayOf(PUBLICATION.type()), arrayOf(REGISTRATION.type()));

  static final Shape PUBLISHED = shape("Published", "The outcome of a publication",
      new String[] {"etag", "expires"}, SimpleType.STRING, SimpleType.LONG);

  static final Shape CLEANUP = shape("Cleanup", "What one run of expiry removed",
      new String[] {"subscriptions", "publications", "registrations", "offlineWatchers"},
      SimpleType.INTEGER, SimpleType.INTEGER, SimpleType.INTEGER, SimpleType.INTEGER);

  static final Shape CLUSTER_NODE = shape("ClusterNode", "A node of the cluster's registry",
      new String[] {"nodeId", "generation", "self", "alive", "startedAt", "lastRenewal", "leaseUntil", "leaseLeftMillis",
          "subscriptionsOwned"},
      SimpleType.STRING, SimpleType.LONG, SimpleType.BOOLEAN, SimpleType.BOOLEAN, SimpleType.STRING, SimpleType.STRING,
      SimpleType.STRING, SimpleType.LONG, SimpleType.LONG);

  static final Shape CHANGE_FEED = shape("ChangeFeed", "How far this node has read its peers' changes",
      new String[] {"position", "head", "behind", "millisSinceLastRead", "changesApplied"},
      SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.LONG);

  static final Shape CLUSTER = shape("Cluster", "The nodes sharing the database, their subscriptions, this node's lag",
      new String[] {"mode", "clustered", "nodeId", "databaseTime", "leaseHeld", "generation", "subscriptions",
          "orphanedSubscriptions", "ownerAliveRefusals", "dialogsAdopted", "changeFeed", "nodes"},
      SimpleType.STRING, SimpleType.BOOLEAN, SimpleType.STRING, SimpleType.STRING, SimpleType.BOOLEAN, SimpleType.LONG,
      SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, CHANGE_FEED.type(), arrayOf(CLUSTER_NODE.type()));

  /** A composite type with its item names in the order the values are given. */
  record Shape(CompositeType type, String[] items) {

    CompositeData of(Object... values) {
      try {
        return new CompositeDataSupport(type, items, values);
      } catch (OpenDataException e) {
        throw new IllegalStateException("values do not match " + type.getTypeName(), e);
      }
    }
  }

  private OpenViews() {}

  static CompositeData presentity(PresentitySummary summary) {
    return PRESENTITY.of(summary.presentity(), summary.publications(), summary.registrations(),
        summary.subscriptions(), summary.online());
  }

  static CompositeData details(PresentityDetails details) {
    PresentitySummary summary = details.summary();
    return DETAILS.of(summary.presentity(), summary.publications(), summary.registrations(),
        summary.subscriptions(), summary.online(), details.presenceDocument().orElse(""),
        array(details.publications(), OpenViews::publication), array(details.registrations(), OpenViews::registration));
  }

  static CompositeData publication(PublicationView view) {
    return PUBLICATION.of(view.etag(), view.event(), view.contentType(), view.expiresAt().toString(),
        view.expiresIn());
  }

  static CompositeData registration(BindingView view) {
    return REGISTRATION.of(view.contact(), view.q(), view.instanceId(), view.callId(), view.expiresAt().toString(),
        view.expiresIn());
  }

  static CompositeData subscription(SubscriptionView view) {
    return SUBSCRIPTION.of(view.id(), view.watcher(), view.presentity(), view.event(), view.state(),
        view.contentType(), view.expiresAt().toString(), view.expiresIn(), view.callId(), view.notifications());
  }

  static CompositeData published(PublishResult result) {
    return PUBLISHED.of(result.etag().value(), result.expiresSeconds());
  }

  static CompositeData cleanup(CleanupResult result) {
    return CLEANUP.of(result.subscriptions(), result.publications(), result.registrations(),
        result.offlineWatchers());
  }

  /** A single node's view has no database time: its item is then empty. */
  static CompositeData cluster(ClusterView view) {
    ClusterView.ChangeFeedLag lag = view.changeFeed();
    return CLUSTER.of(view.mode(), view.clustered(), view.nodeId(),
        view.clustered() ? view.databaseTime().toString() : "", view.leaseHeld(), view.generation(),
        view.subscriptions(), view.orphanedSubscriptions(), view.ownerAliveRefusals(), view.dialogsAdopted(),
        CHANGE_FEED.of(lag.position(), lag.head(), lag.behind(), lag.millisSinceLastRead(), lag.changesApplied()),
        array(view.nodes(), OpenViews::clusterNode));
  }

  static CompositeData clusterNode(ClusterView.Member node) {
    return CLUSTER_NODE.of(node.nodeId(), node.generation(), node.self(), node.alive(), node.startedAt().toString(),
        node.lastRenewal().toString(), node.leaseUntil().toString(), node.leaseLeftMillis(), node.subscriptionsOwned());
  }

  static <T> CompositeData[] array(List<T> items, Function<T, CompositeData> mapper) {
    return items.stream().map(mapper).toArray(CompositeData[]::new);
  }

  private static Shape shape(String name, String description, String[] items, OpenType<?>... types) {
    try {
      return new Shape(new CompositeType(name, description, items, items, types), items);
    } catch (OpenDataException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArrayType<CompositeData> arrayOf(CompositeType type) {
    try {
      return new ArrayType<>(1, type);
    } catch (OpenDataException e) {
      throw new IllegalStateException(e);
    }
  }
}
