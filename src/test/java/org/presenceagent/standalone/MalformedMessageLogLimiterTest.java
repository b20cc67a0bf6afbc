package org.presenceagent.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MalformedMessageLogLimiterTest {

  private final LoggerContext context = new LoggerContext();
  private final Logger stack = context.getLogger("gov.nist");
  private final Logger ours = context.getLogger("org.presenceagent.sip.PresenceServlet");
  private long now = 0;
  private final MalformedMessageLogLimiter limiter = new MalformedMessageLogLimiter(() -> now);

  @Test
  void theStacksLinesAboutUnparseableMessagesAreCountedNotWritten() {
    assertThat(decide(stack, "gov.nist.javax.sip.stack.UDPMessageChannel.processIncomingDataPacket("
        + "UDPMessageChannel.java:460) [bad message SIP/2.0 200 OK\r\nVia: forged\r\n]")).isEqualTo(FilterReply.DENY);
    assertThat(decide(stack, "gov.nist.javax.sip.stack.UDPMessageChannel.processIncomingDataPacket("
        + "UDPMessageChannel.java:462) [>>> Dropped Bad Msg From = nullTo = null]")).isEqualTo(FilterReply.DENY);
  }

  @Test
  void everythingElseIsLeftToTheConfiguredLevels() {
    assertThat(decide(stack, "Could not bind to 127.0.0.1:5060")).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(ours, "[bad message] in our own words")).isEqualTo(FilterReply.NEUTRAL);
    assertThat(limiter.decide(null, stack, Level.ERROR, null, null, null)).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void theCountIsResetAtMostOnceAMinuteBySummarizing() {
    decide(stack, "[bad message x]"); // the first one is summarized at once
    assertThat(limiter.pending()).isZero();
    for (int i = 0; i < 1000; i++) {
      decide(stack, "[bad message x]");
    }
    assertThat(limiter.pending()).as("within the minute: only counted").isEqualTo(1000);
    now += TimeUnit.MINUTES.toNanos(1);
    decide(stack, "[bad message x]");
    assertThat(limiter.pending()).isZero();
  }

  private FilterReply decide(Logger logger, String message) {
    return limiter.decide(null, logger, Level.ERROR, message, null, null);
  }
}
