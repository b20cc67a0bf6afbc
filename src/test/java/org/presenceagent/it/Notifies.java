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

  static String state(Request notify) {
    return SipTestHeaders.get(notify, "Subscription-State");
  }

  static String body(Request notify) {
    return Pidf.text(notify.getRawContent());
  }
}
