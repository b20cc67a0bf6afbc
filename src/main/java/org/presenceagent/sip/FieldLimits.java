package org.presenceagent.sip;

import java.util.List;
import org.presenceagent.domain.shared.Aor;

/**
 * The longest value of each header field that ends up in stored state, checked by the request
 * parsers before any work: a field longer than its database column would otherwise fail the
 * write, long after the request was accepted (a 500). The limits are the columns' widths (V1, V4,
 * V6) less room for what is stored beside them, generous for every real client (a Call-ID is
 * usually under 64 characters, a Contact under 200). They are not parameters: raising one needs a
 * schema migration, not a setting.
 *
 * <p>The check is O(1) per field (a length comparison) and allocates nothing unless it fails.
 */
final class FieldLimits {

  /** Call-ID: 512 in the tables, and the stored request identity adds the CSeq number. */
  static final int CALL_ID = 256;
  /** From and To tags (256 in the tables; the subscription id joins one with the Call-ID). */
  static final int TAG = 128;
  /** The Event header's id parameter (256 in the table, part of the subscription id). */
  static final int EVENT_ID = 128;
  /** A Contact URI: the dialog's remote target or a binding (1024 in the tables). */
  static final int CONTACT = 1024;
  /** All Record-Route values of a dialog together (4000 in the table, joined by a separator). */
  static final int ROUTE_SET = 3800;
  /** A Contact's {@code +sip.instance} (256 in the table). */
  static final int INSTANCE = 256;
  /** Content-Type of a published document (128 in the table). */
  static final int CONTENT_TYPE = 128;

  /**
   * The user part of an address of record. An AOR is a key of every index and cache; real user
   * names are short (Kamailio's {@code username} column holds 64), and 128 leaves room for
   * telephone numbers with parameters and e-mail-like names.
   */
  static final int AOR_USER = 128;
  /** The host part of an address of record (a DNS name has at most 253 characters). */
  static final int AOR_HOST = 253;

  private FieldLimits() {}

  /** An address of record within what can be indexed and stored. */
  static Aor check(Aor aor, String field) {
    check(aor.user(), AOR_USER, field + " user part");
    check(aor.host(), AOR_HOST, field + " host");
    return aor;
  }

  /**
   * @throws SipResponseException 400 naming the field and its limit when {@code value} is longer
   */
  static String check(String value, int limit, String field) {
    if (value != null && value.length() > limit) {
      throw tooLong(field, limit);
    }
    return value;
  }

  /** The route set of a dialog, whose values are stored together. */
  static List<String> checkRoutes(List<String> routes) {
    int total = 0;
    for (String route : routes) {
      total += route.length() + 1;
    }
    if (total > ROUTE_SET) {
      throw tooLong("Record-Route", ROUTE_SET);
    }
    return routes;
  }

  private static SipResponseException tooLong(String field, int limit) {
    return SipResponseException.badRequest(field + " too long (limit " + limit + " characters)");
  }
}
