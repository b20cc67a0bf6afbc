package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.message.Request;

/** Waiting for NOTIFYs and reading them. */
final class Notifies {

  static final long WAIT_MILLIS = 5000;

  private Notifies() {}

  static Request next(SipTestClient client) throws InterruptedException {
    Request notify = client.awaitRequest(Request.NOTIFY, WAIT_MILLIS);
    assertThat(notify).as("a NOTIFY within %d ms", WAIT_MILLIS).isNotNull();
    return notify;
  }

  /**
   * The NOTIFY that makes an allowed watcher active when its rules come from an XCAP server over
   * HTTP: a SUBSCRIBE waits only briefly for rules not yet cached, so on a slow (loaded) machine the
   * watcher is pending first and made active as soon as the rules arrive. Both are correct.
   */
  static Request nextActiveOnceRulesAreRead(SipTestClient client) throws InterruptedException {
    Request notify = next(client);
    if (state(notify).startsWith("pending")) {
      notify = next(client);
    }
    assertThat(state(notify)).startsWith("active");
    return notify;
  }

  static String state(Request notify) {
    return SipTestHeaders.get(notify, "Subscription-State");
  }

  static String body(Request notify) {
    return Pidf.text(notify.getRawContent());
  }
}
