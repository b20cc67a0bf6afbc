package org.presenceagent.sip;

/** Header names used by the presence servlets (RFC 3261, RFC 3903, RFC 6665). */
final class SipHeaders {

  static final String EVENT = "Event";
  static final String EXPIRES = "Expires";
  static final String MIN_EXPIRES = "Min-Expires";
  static final String ALLOW = "Allow";
  static final String ALLOW_EVENTS = "Allow-Events";
  static final String ACCEPT = "Accept";
  static final String SUBSCRIPTION_STATE = "Subscription-State";
  static final String SIP_ETAG = "SIP-ETag";
  static final String SIP_IF_MATCH = "SIP-If-Match";
  static final String RECORD_ROUTE = "Record-Route";
  static final String CSEQ = "CSeq";
  static final String CONTACT = "Contact";
  static final String DATE = "Date";
  static final String AUTHORIZATION = "Authorization";
  static final String WWW_AUTHENTICATE = "WWW-Authenticate";
  /** RFC 3325 section 9.1: the identity a trusted proxy asserts. */
  static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";

  /** The methods this application answers (the {@code Allow} of OPTIONS and 405). */
  static final String ALLOWED_METHODS = "SUBSCRIBE, PUBLISH, REGISTER, MESSAGE, OPTIONS";

  private SipHeaders() {}
}
