package org.presenceagent.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.servlet.sip.Address;
import javax.servlet.sip.Parameterable;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.URI;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.NotifyRate;

/**
 * Reads the header fields the presence use cases need from a request, turning anything malformed
 * into a 400 whose reason says which field is wrong.
 */
final class RequestFields {

  private static final int MAX_DISPLAY_NAME = 256;

  private RequestFields() {}

  /** The Event header's package (lower-cased) and its {@code id} parameter (RFC 6665 8.2.1). */
  static EventField event(SipServletRequest request) {
    Parameterable event;
    try {
      event = request.getParameterableHeader(SipHeaders.EVENT);
    } catch (ServletParseException | IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid Event header");
    }
    if (event == null || event.getValue() == null || event.getValue().isBlank()) {
      throw SipResponseException.badRequest("Missing Event header");
    }
    String id = FieldLimits.check(event.getParameter("id"), FieldLimits.EVENT_ID, "Event id");
    return new EventField(event.getValue().trim().toLowerCase(Locale.ROOT), id == null ? "" : id, rate(event));
  }

  /**
   * The RFC 6446 rate control parameters of an Event header ({@code min-rate}, {@code max-rate},
   * {@code adaptive-min-rate}; section 9.2: {@code 1*2DIGIT ["." 1*10DIGIT]}, not zero).
   */
  private static NotifyRate rate(Parameterable event) {
    OptionalDouble min = rateParameter(event, "min-rate");
    OptionalDouble max = rateParameter(event, "max-rate");
    OptionalDouble adaptive = rateParameter(event, "adaptive-min-rate");
    if (min.isEmpty() && max.isEmpty() && adaptive.isEmpty()) {
      return NotifyRate.NONE;
    }
    return new NotifyRate(min, max, adaptive);
  }

  private static OptionalDouble rateParameter(Parameterable event, String name) {
    String value = event.getParameter(name);
    if (value == null) {
      return OptionalDouble.empty();
    }
    String text = value.trim();
    int dot = text.indexOf('.');
    String whole = dot < 0 ? text : text.substring(0, dot);
    String fraction = dot < 0 ? "" : text.substring(dot + 1);
    boolean wellFormed = !whole.isEmpty() && whole.length() <= 2 && whole.chars().allMatch(RequestFields::isDigit)
        && (dot < 0 || (!fraction.isEmpty() && fraction.length() <= 10 && fraction.chars().allMatch(RequestFields::isDigit)));
    double rate = wellFormed ? Double.parseDouble(text) : 0;
    if (rate < NotifyRate.LOWEST) {
      throw SipResponseException.badRequest("Invalid " + name + " in Event header");
    }
    return OptionalDouble.of(rate);
  }

  private static boolean isDigit(int character) {
    return character >= '0' && character <= '9';
  }

  /** The Expires header in seconds, empty when absent (RFC 3261 section 20.19: delta-seconds). */
  static OptionalLong expires(SipServletRequest request) {
    String value = request.getHeader(SipHeaders.EXPIRES);
    if (value == null) {
      return OptionalLong.empty();
    }
    String digits = value.trim();
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      throw SipResponseException.badRequest("Invalid Expires header");
    }
    // RFC 3261: values above 2^32-1 are taken as 2^32-1; the expiry policy clamps further.
    return OptionalLong.of(digits.length() > 10 ? 4294967295L : Math.min(Long.parseLong(digits), 4294967295L));
  }

  /** The resource a request addresses: its Request-URI as an address of record. */
  static Aor requestAor(SipServletRequest request) {
    return aor(request.getRequestURI(), "Request-URI");
  }

  /** The sender's address of record (From URI). */
  static Aor fromAor(SipServletRequest request) {
    Address from = request.getFrom();
    if (from == null) {
      throw SipResponseException.badRequest("Missing From header");
    }
    return aor(from.getURI(), "From URI");
  }

  /**
   * The display name of the From header (RFC 3261 section 20.20), empty when there is none. The
   * container strips the quotes of a quoted-string but keeps its quoted-pairs ({@code \"}), so
   * they are undone here (RFC 3261 section 25.1); the plain text is escaped again wherever it is
   * written.
   */
  static Optional<String> fromDisplayName(SipServletRequest request) {
    String name = request.getFrom().getDisplayName();
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String stripped = unquote(name).strip();
    // The column holds 256 characters (V5); a longer name is cut, on a code point boundary.
    return Optional.of(stripped.codePointCount(0, stripped.length()) <= MAX_DISPLAY_NAME
        ? stripped : stripped.substring(0, stripped.offsetByCodePoints(0, MAX_DISPLAY_NAME)));
  }

  private static String unquote(String quotedPairs) {
    StringBuilder text = new StringBuilder(quotedPairs.length());
    for (int i = 0; i < quotedPairs.length(); i++) {
      char c = quotedPairs.charAt(i);
      if (c == '\\' && i + 1 < quotedPairs.length()) {
        c = quotedPairs.charAt(++i);
      }
      text.append(c);
    }
    return text.toString();
  }

  /** The From tag, required of every request (RFC 3261 section 8.1.1.3). */
  static String fromTag(SipServletRequest request) {
    String tag = request.getFrom().getParameter("tag");
    if (tag == null || tag.isBlank()) {
      throw SipResponseException.badRequest("Missing From tag");
    }
    return FieldLimits.check(tag, FieldLimits.TAG, "From tag");
  }

  /** Whether the request belongs to an existing dialog (To tag present). */
  static boolean hasToTag(SipServletRequest request) {
    String tag = request.getTo().getParameter("tag");
    return tag != null && !tag.isBlank();
  }

  /** The CSeq number. */
  static long cseq(SipServletRequest request) {
    String value = request.getHeader(SipHeaders.CSEQ);
    if (value == null) {
      throw SipResponseException.badRequest("Missing CSeq header");
    }
    String trimmed = value.trim();
    int space = 0;
    while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) {
      space++;
    }
    String number = trimmed.substring(0, space);
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw SipResponseException.badRequest("Invalid CSeq header");
    }
  }

  /** The Contact URI, the remote target of a dialog (RFC 3261 section 12.1.1). */
  static String contact(SipServletRequest request) {
    String uri;
    try {
      Address contact = request.getAddressHeader(SipHeaders.CONTACT);
      // the container parses a URI that is neither SIP nor tel again when asked for it, and may fail
      uri = contact == null || contact.isWildcard() ? null : contact.getURI().toString();
    } catch (ServletParseException | IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid Contact header");
    }
    if (uri == null) {
      throw SipResponseException.badRequest("Missing Contact header");
    }
    return FieldLimits.check(uri, FieldLimits.CONTACT, "Contact");
  }

  /** The Call-ID, within what can be stored. */
  static String callId(SipServletRequest request) {
    return FieldLimits.check(request.getCallId(), FieldLimits.CALL_ID, "Call-ID");
  }

  /** The Record-Route URIs as received; for a UAS they are the dialog's route set in this order. */
  static List<String> recordRoutes(SipServletRequest request) {
    List<String> routes = new ArrayList<>();
    try {
      ListIterator<Address> headers = request.getAddressHeaders(SipHeaders.RECORD_ROUTE);
      while (headers.hasNext()) {
        routes.add(headers.next().toString());
      }
    } catch (ServletParseException | IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid Record-Route header");
    }
    return FieldLimits.checkRoutes(routes);
  }

  private static Aor aor(URI uri, String what) {
    if (!(uri instanceof SipURI) && (uri == null || !"pres".equalsIgnoreCase(uri.getScheme()))) {
      throw new SipResponseException(416, "Unsupported URI Scheme in " + what);
    }
    Aor aor;
    try {
      aor = Aor.parse(uri.toString());
    } catch (IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid " + what + ": " + e.getMessage());
    }
    return FieldLimits.check(aor, what);
  }

  /** An Event header: package name and {@code id} parameter (empty when absent). */
  /**
   * @param name the package, lower-cased
   * @param id the {@code id} parameter, empty when absent
   * @param rate the RFC 6446 rate control asked for
   */
  record EventField(String name, String id, NotifyRate rate) {}
}
