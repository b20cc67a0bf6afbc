package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in XCAP server (RFC 4825) over real HTTP: documents with strong ETags and
 * preconditions, 409 with xcap-error bodies, xcap-caps, and basic or digest authentication where a user may
 * touch only their own documents. Each test uses its own user, since the users are configured once.
 */
class XcapServerIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("digest_algorithms", "SHA-256,MD5")
      .param("xcap_credentials", "alice@example.com:alice-pw,bob@example.com:bob-pw,carol@example.com:carol-pw,"
          + "dave@example.com:dave-pw");

  private static final String ALICE = "sip:alice@example.com";

  @Test
  void putGetConditionalRequestsAndDelete() throws Exception {
    XcapHttp alice = new XcapHttp(SERVER.httpPort(), "alice@example.com", "alice-pw");
    String path = XcapHttp.presRules(ALICE);
    byte[] rules = PresRulesDocs.one("sip:bob@example.com", "allow");

    HttpResponse<String> created = alice.put(path, XcapHttp.PRES_RULES_TYPE, rules, "If-None-Match", "*");
    assertThat(created.statusCode()).isEqualTo(201);
    String etag = created.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[0-9a-f]{32}\"");

    HttpResponse<String> fetched = alice.get(path);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(XcapHttp.PRES_RULES_TYPE));
    assertThat(fetched.headers().firstValue("ETag")).contains(etag);
    assertThat(fetched.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(rules);

    HttpResponse<String> notModified = alice.get(path, "If-None-Match", etag);
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();

    assertThat(alice.put(path, XcapHttp.PRES_RULES_TYPE, rules, "If-None-Match", "*").statusCode()).isEqualTo(412);
    assertThat(alice.put(path, XcapHttp.PRES_RULES_TYPE, rules, "If-Match", "\"stale\"").statusCode()).isEqualTo(412);
    HttpResponse<String> replaced = alice.put(path, XcapHttp.PRES_RULES_TYPE, rules, "If-Match", etag);
    assertThat(replaced.statusCode()).isEqualTo(200);
    String newEtag = replaced.headers().firstValue("ETag").orElseThrow();
    assertThat(newEtag).isNotEqualTo(etag);

    assertThat(alice.delete(path, "If-Match", etag).statusCode()).isEqualTo(412);
    assertThat(alice.delete(path, "If-Match", newEtag).statusCode()).isEqualTo(200);
    assertThat(alice.get(path).statusCode()).isEqualTo(404);
  }

  @Test
  void invalidDocumentsGet409WithAnXcapErrorBody() throws Exception {
    XcapHttp bob = new XcapHttp(SERVER.httpPort(), "bob@example.com", "bob-pw");
    String path = XcapHttp.presRules("sip:bob@example.com");

    HttpResponse<String> broken = bob.put(path, XcapHttp.PRES_RULES_TYPE, "<cr:ruleset".getBytes(StandardCharsets.UTF_8));
    assertThat(broken.statusCode()).isEqualTo(409);
    assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xcap-error+xml"));
    assertThat(broken.body()).contains("urn:ietf:params:xml:ns:xcap-error").contains("not-well-formed");

    HttpResponse<String> invalid = bob.put(path, XcapHttp.PRES_RULES_TYPE,
        PresRulesDocs.one("sip:carol@example.com", "sometimes"));
    assertThat(invalid.statusCode()).isEqualTo(409);
    assertThat(invalid.body()).contains("schema-validation-error").contains("sometimes");

    byte[] xxe = ("<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        + "<ruleset xmlns='urn:ietf:params:xml:ns:common-policy'>&x;</ruleset>").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> hostile = bob.put(path, XcapHttp.PRES_RULES_TYPE, xxe);
    assertThat(hostile.statusCode()).isEqualTo(409);
    assertThat(hostile.body()).contains("not-well-formed").doesNotContain("root:");

    assertThat(bob.put(path, "application/xml", PresRulesDocs.ruleset("")).statusCode()).isEqualTo(415);
    assertThat(bob.get(path).statusCode()).as("nothing was stored").isEqualTo(404);
  }

  /** The same users with HTTP Digest (RFC 7616), as SIP phones' XCAP clients use it; a replay is refused. */
  @Test
  void digestCredentialsOfTheSameUsersWork() throws Exception {
    String path = XcapHttp.presRules("sip:dave@example.com");
    String target = "/xcap-root/" + path;
    XcapHttp anonymous = new XcapHttp(SERVER.httpPort());
    HttpResponse<String> challenged = anonymous.get(path);
    assertThat(challenged.statusCode()).isEqualTo(401);
    String challenge = challenged.headers().allValues("WWW-Authenticate").stream()
        .filter(value -> value.contains("algorithm=SHA-256")).findFirst().orElseThrow();
    java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
    assertThat(nonce.find()).isTrue();
    java.util.regex.Matcher realm = java.util.regex.Pattern.compile("realm=\"([^\"]+)\"").matcher(challenge);
    assertThat(realm.find()).isTrue();
    org.presenceagent.application.identity.DigestAlgorithm sha = org.presenceagent.application.identity.DigestAlgorithm.SHA_256;
    String response = sha.response(sha.ha1("dave@example.com", realm.group(1), "dave-pw"), nonce.group(1), "00000001",
        "x1", "auth", sha.ha2("GET", target));
    String authorization = "Digest username=\"dave@example.com\", realm=\"" + realm.group(1) + "\", nonce=\""
        + nonce.group(1) + "\", uri=\"" + target + "\", response=\"" + response
        + "\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"x1\"";

    assertThat(anonymous.get(path, "Authorization", authorization).statusCode()).as("no document yet").isEqualTo(404);
    assertThat(anonymous.get(path, "Authorization", authorization).statusCode()).as("the same count again").isEqualTo(401);
  }

  @Test
  void aUserMayTouchOnlyTheirOwnDocumentsAndOnlyWithValidCredentials() throws Exception {
    String carolsRules = XcapHttp.presRules("sip:carol@example.com");
    byte[] rules = PresRulesDocs.ruleset("");

    assertThat(new XcapHttp(SERVER.httpPort()).put(carolsRules, XcapHttp.PRES_RULES_TYPE, rules).statusCode()).isEqualTo(401);
    HttpResponse<String> wrongPassword = new XcapHttp(SERVER.httpPort(), "carol@example.com", "guess")
        .put(carolsRules, XcapHttp.PRES_RULES_TYPE, rules);
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.headers().allValues("WWW-Authenticate"))
        .anySatisfy(value -> assertThat(value).startsWith("Basic realm="))
        .anySatisfy(value -> assertThat(value).startsWith("Digest realm=").contains("algorithm=MD5").contains("qop=\"auth\""))
        .anySatisfy(value -> assertThat(value).startsWith("Digest realm=").contains("algorithm=SHA-256"));
    XcapHttp dave = new XcapHttp(SERVER.httpPort(), "dave@example.com", "dave-pw");
    assertThat(dave.put(carolsRules, XcapHttp.PRES_RULES_TYPE, rules).statusCode()).isEqualTo(403);
    assertThat(dave.get(carolsRules).statusCode()).isEqualTo(403);

    XcapHttp carol = new XcapHttp(SERVER.httpPort(), "carol@example.com", "carol-pw");
    // The XUI may be written without its scheme.
    assertThat(carol.put("pres-rules/users/carol@example.com/presence-rules.xml", XcapHttp.PRES_RULES_TYPE, rules)
        .statusCode()).isEqualTo(201);
    assertThat(carol.get(carolsRules).statusCode()).isEqualTo(200);
    assertThat(carol.get("pres-rules/users/sip:carol@example.com/presence-rules.xml/~~/cr:ruleset").statusCode())
        .as("node selectors are not supported").isEqualTo(404);
    assertThat(carol.get("resource-lists/users/sip:carol@example.com/index").statusCode()).isEqualTo(404);
    byte[] imRules = ("<ruleset xmlns='urn:ietf:params:xml:ns:common-policy' xmlns:im='urn:iptel:xml:ns:im-rules'>"
        + "<rule id='blacklist'><conditions><identity><id>sip:jan@example.com</id></identity></conditions>"
        + "<actions><im:im-handling>block</im:im-handling></actions></rule></ruleset>").getBytes(StandardCharsets.UTF_8);
    assertThat(carol.put("im-rules/users/sip:carol@example.com/im-rules.xml", XcapHttp.PRES_RULES_TYPE, imRules)
        .statusCode()).isEqualTo(201);
  }

  @Test
  void xcapCapsListsTheApplicationUsagesWithoutCredentials() throws Exception {
    HttpResponse<String> caps = new XcapHttp(SERVER.httpPort()).get("xcap-caps/global/index");

    assertThat(caps.statusCode()).isEqualTo(200);
    assertThat(caps.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xcap-caps+xml"));
    assertThat(caps.body()).contains("urn:ietf:params:xml:ns:xcap-caps")
        .contains("<auid>pres-rules</auid>").contains("<auid>im-rules</auid>").contains("<auid>xcap-caps</auid>")
        .contains("<namespace>urn:ietf:params:xml:ns:pres-rules</namespace>");
  }
}
