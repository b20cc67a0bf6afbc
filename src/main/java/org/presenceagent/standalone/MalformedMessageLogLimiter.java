package org.presenceagent.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps JAIN-SIP's reports of messages it could not parse out of the log, and says how many there
 * were in one WARN line a minute at most.
 *
 * <p>The stack logs each unparseable datagram at ERROR, twice, with the datagram's text in the line.
 * Anyone who can send UDP to the server could thus write two ERROR lines per packet into the log:
 * a disk filled at line rate, alerts raised by strangers, and their bytes (newlines included) shown
 * as if the server had written them. Such a message is not our error and has no sender to answer
 * (RFC 3261 section 18.3: a malformed datagram is dropped), so a count is all an operator needs.
 *
 * <p>Installed in the standalone server's {@code logback.xml}; a container deploying the WAR has
 * its own logging.
 */
public final class MalformedMessageLogLimiter extends TurboFilter {

  /** The markers of JAIN-SIP's lines about a message it dropped because it could not parse it. */
  private static final String[] MARKERS = {"[bad message", "Dropped Bad Msg"};
  private static final long SUMMARY_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final LongSupplier nanoTime;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong nextSummary;

  public MalformedMessageLogLimiter() {
    this(System::nanoTime);
  }

  MalformedMessageLogLimiter(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.nextSummary = new AtomicLong(nanoTime.getAsLong());
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null || !logger.getName().startsWith("gov.nist") || !isAboutAMalformedMessage(format)) {
      return FilterReply.NEUTRAL;
    }
    dropped.incrementAndGet();
    summarizeIfDue();
    return FilterReply.DENY;
  }

  private static boolean isAboutAMalformedMessage(String text) {
    for (String marker : MARKERS) {
      if (text.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  private void summarizeIfDue() {
    long now = nanoTime.getAsLong();
    long due = nextSummary.get();
    if (now - due >= 0 && nextSummary.compareAndSet(due, now + SUMMARY_EVERY_NANOS)) {
      // JAIN-SIP reports each malformed message twice
      // Looked up when needed: this filter is created while logback configures itself, when SLF4J
      // would hand out a stand-in logger.
      LoggerFactory.getLogger(MalformedMessageLogLimiter.class).warn("{} log lines of the SIP stack about malformed messages it dropped were not written"
          + " (in the last minute at most; malformed datagrams are dropped unanswered, RFC 3261 section 18.3)",
          dropped.getAndSet(0));
    }
  }

  /** Lines held back since the last summary (for tests). */
  long pending() {
    return dropped.get();
  }
}
