package org.presenceagent.it;

import java.nio.charset.StandardCharsets;

/** Pres-rules documents (RFC 5025) for tests: one rule of each shape the tests need. */
final class PresRulesDocs {

  private PresRulesDocs() {}

  /** One rule giving {@code handling} to exactly {@code watcher}. */
  static byte[] one(String watcher, String handling) {
    return ruleset("<cr:rule id='r1'><cr:conditions><cr:identity><cr:one id='" + watcher + "'/></cr:identity>"
        + "</cr:conditions><cr:actions><pr:sub-handling>" + handling + "</pr:sub-handling></cr:actions></cr:rule>");
  }

  /** Allows a whole domain except one watcher. */
  static byte[] domainExcept(String domain, String excepted) {
    return ruleset("<cr:rule id='colleagues'><cr:conditions><cr:identity><cr:many domain='" + domain + "'>"
        + "<cr:except id='" + excepted + "'/></cr:many></cr:identity></cr:conditions>"
        + "<cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions></cr:rule>");
  }

  static byte[] ruleset(String rules) {
    return ("<?xml version='1.0' encoding='UTF-8'?><cr:ruleset xmlns:cr='urn:ietf:params:xml:ns:common-policy'"
        + " xmlns:pr='urn:ietf:params:xml:ns:pres-rules'>" + rules + "</cr:ruleset>").getBytes(StandardCharsets.UTF_8);
  }
}
