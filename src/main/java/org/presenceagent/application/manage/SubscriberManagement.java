package org.presenceagent.application.manage;

import java.util.ArrayList;
import java.util.List;
import org.presenceagent.application.identity.DigestAlgorithm;
import org.presenceagent.application.identity.Subscriber;
import org.presenceagent.application.identity.SubscriberDirectory;

/**
 * The subscriber operations of the JMX MBean and the HTTP admin API (Kamailio's {@code kamctl add,
 * rm, passwd}): list, add, change a password, remove. Addresses are {@code sip:user@domain} or
 * {@code user@domain}; passwords go in and never come out (only HA1 hashes are kept). Refusals are
 * {@link org.presenceagent.application.identity.SubscriberRejectedException}s.
 */
public final class SubscriberManagement {

  private final SubscriberDirectory directory;

  public SubscriberManagement(SubscriberDirectory directory) {
    this.directory = directory;
  }

  public List<SubscriberView> list() {
    return directory.list().stream().map(SubscriberManagement::view).toList();
  }

  public SubscriberView add(String aor, String password) {
    return view(directory.add(ManagementService.presentityAddress(aor), password));
  }

  public SubscriberView changePassword(String aor, String password) {
    return view(directory.changePassword(ManagementService.presentityAddress(aor), password));
  }

  public void remove(String aor) {
    directory.remove(ManagementService.presentityAddress(aor));
  }

  private static SubscriberView view(Subscriber subscriber) {
    List<String> algorithms = new ArrayList<>();
    if (subscriber.md5().isPresent() || subscriber.md5b().isPresent()) {
      algorithms.add(DigestAlgorithm.MD5.token());
    }
    if (subscriber.sha256().isPresent() || subscriber.sha256b().isPresent()) {
      algorithms.add(DigestAlgorithm.SHA_256.token());
    }
    return new SubscriberView(subscriber.aor().uri(), subscriber.realm(), algorithms,
        subscriber.configured() ? "configured" : "stored");
  }
}
