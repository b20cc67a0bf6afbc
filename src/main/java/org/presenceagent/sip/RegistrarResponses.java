package org.presenceagent.sip;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.servlet.ServletException;
import javax.servlet.sip.Address;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.presenceagent.domain.registration.Binding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 200 to a REGISTER: one Contact per current binding with its remaining {@code expires} and
 * its {@code q}, and a {@code Date} (RFC 3261 section 10.3 step 8).
 */
final class RegistrarResponses {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrarResponses.class);
  /** RFC 3261 section 20.17: rfc1123-date, always GMT, two-digit day (unlike RFC_1123_DATE_TIME). */
  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private RegistrarResponses() {}

  static void ok(SipServletRequest request, List<Binding> bindings, SipFactory factory, Clock clock) {
    SipServletResponse ok = request.createResponse(200);
    // "The response SHOULD contain a Date header field" (section 10.3 step 8): phones without a
    // clock of their own set theirs from it.
    ok.setHeader(SipHeaders.DATE, DATE.format(clock.instant()));
    for (Binding binding : bindings) {
      try {
        Address contact = factory.createAddress(factory.createURI(binding.contact()));
        contact.setExpires((int) Math.min(binding.remainingSeconds(clock), Integer.MAX_VALUE));
        binding.q().ifPresent(q -> contact.setQ(q.floatValue()));
        binding.instanceId().ifPresent(instance -> contact.setParameter("+sip.instance", instance));
        ok.addAddressHeader(SipHeaders.CONTACT, contact, false);
      } catch (ServletException | IllegalArgumentException e) {
        LOG.warn("binding {} of {} cannot be listed: {}", binding.contact(), binding.aor(), e.getMessage());
      }
    }
    try {
      FinalStatus.send(ok);
    } catch (IOException e) {
      LOG.warn("could not answer REGISTER (Call-ID {}): {}", request.getCallId(), e.getMessage());
    }
  }
}
