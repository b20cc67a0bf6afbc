package org.presenceagent.infrastructure.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.presenceagent.application.identity.AddressRanges;
import org.presenceagent.application.identity.DigestAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may act as whom: digest authentication, the subscribers, trusted proxies, local domains and
 * protected mode, read from their parameters. The older parameters of REGISTER-only digest
 * ({@code register_auth*}, {@code register_credentials*}) and of the XCAP server
 * ({@code xcap_credentials}) still work: each is read as its new counterpart, with a start-up
 * message saying which one to use instead.
 *
 * @param digestAuth whether SIP requests from clients are challenged
 * @param realm the digest realm (and the domain of users given without one)
 * @param algorithms the digest algorithms offered, most preferred first
 * @param secret the nonce signing key, empty for a random one
 * @param subscribers password by AOR ({@code user@domain}) from the parameters
 * @param subscribersFile the htdigest file, if any
 * @param subscribersFileParameter the parameter that named it (for messages)
 * @param trustedProxies the proxies whose P-Asserted-Identity is believed
 * @param domains the local domains; empty means the default set
 * @param protectedMode whether a non-loopback bind needs authentication
 */
public record IdentitySettings(
    boolean digestAuth,
    String realm,
    List<DigestAlgorithm> algorithms,
    String secret,
    Map<String, String> subscribers,
    Optional<Path> subscribersFile,
    Parameter subscribersFileParameter,
    AddressRanges trustedProxies,
    List<String> domains,
    boolean protectedMode) {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySettings.class);
  /** The realm when none is configured and no domain is given: not a domain, so never a local one. */
  public static final String DEFAULT_REALM = "presence-agent";

  public IdentitySettings {
    algorithms = List.copyOf(algorithms);
    subscribers = Map.copyOf(subscribers);
    domains = List.copyOf(domains);
  }

  /** Whether requests are authenticated at all: by digest here, or by a trusted proxy in front. */
  public boolean authenticates() {
    return digestAuth || !trustedProxies.isEmpty();
  }

  static IdentitySettings read(Function<Parameter, String> raw, Function<Parameter, Boolean> flag) {
    boolean registerAuth = flag.apply(Parameter.REGISTER_AUTH);
    if (registerAuth) {
      LOG.warn("register_auth=1 is read as digest_auth=1: REGISTER, SUBSCRIBE, PUBLISH and MESSAGE now all need"
          + " digest credentials; set digest_auth=1 instead");
    }
    boolean digestAuth = flag.apply(Parameter.DIGEST_AUTH) || registerAuth;
    List<String> domains = list(raw.apply(Parameter.DOMAINS));
    String realm = renamed(raw, Parameter.DIGEST_REALM, Parameter.REGISTER_AUTH_REALM)
        .orElse(domains.isEmpty() ? DEFAULT_REALM : domains.get(0));
    if (realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0) {
      throw new InvalidSettingException("invalid parameter digest_realm=" + realm + ": must not contain '\"' or '\\'");
    }
    String secret = renamed(raw, Parameter.DIGEST_SECRET, Parameter.REGISTER_AUTH_SECRET).orElse("");
    if (!secret.isEmpty() && secret.length() < 16) {
      // Never echo the value: it is a key.
      throw new InvalidSettingException("invalid parameter digest_secret: must have 16 characters or more");
    }
    Map<String, String> subscribers = new LinkedHashMap<>(
        CredentialList.ofAddresses(Parameter.SUBSCRIBERS, raw.apply(Parameter.SUBSCRIBERS)));
    Map<String, String> xcap = CredentialList.ofAddresses(Parameter.XCAP_CREDENTIALS, raw.apply(Parameter.XCAP_CREDENTIALS));
    if (!xcap.isEmpty()) {
      LOG.warn("xcap_credentials: its {} users are subscribers now (SIP and XCAP); move them to subscribers", xcap.size());
      xcap.forEach(subscribers::putIfAbsent);
    }
    Map<String, String> register = CredentialList.ofUsers(Parameter.REGISTER_CREDENTIALS, raw.apply(Parameter.REGISTER_CREDENTIALS));
    if (!register.isEmpty()) {
      LOG.warn("register_credentials: its {} users are subscribers of domain {} now; move them to subscribers as"
          + " user@{}:password", register.size(), realm, realm);
      register.forEach((user, password) -> subscribers.putIfAbsent(user.contains("@") ? user : user + "@" + realm, password));
    }
    Parameter fileParameter = raw.apply(Parameter.SUBSCRIBERS_FILE).isEmpty() && !raw.apply(Parameter.REGISTER_CREDENTIALS_FILE).isEmpty()
        ? Parameter.REGISTER_CREDENTIALS_FILE : Parameter.SUBSCRIBERS_FILE;
    if (fileParameter == Parameter.REGISTER_CREDENTIALS_FILE) {
      LOG.warn("register_credentials_file is read as subscribers_file; set subscribers_file instead");
    }
    Optional<Path> file = readableFile(fileParameter, raw.apply(fileParameter));
    AddressRanges proxies;
    try {
      proxies = AddressRanges.parse(raw.apply(Parameter.TRUSTED_PROXIES));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("invalid parameter trusted_proxies: " + e.getMessage());
    }
    return new IdentitySettings(digestAuth, realm, algorithms(raw.apply(Parameter.DIGEST_ALGORITHMS)), secret,
        subscribers, file, fileParameter, proxies, domains, flag.apply(Parameter.PROTECTED_MODE));
  }

  /** The new parameter's value, else the older one's; empty when neither is set. */
  private static Optional<String> renamed(Function<Parameter, String> raw, Parameter current, Parameter older) {
    if (!raw.apply(current).isEmpty()) {
      return Optional.of(raw.apply(current));
    }
    if (!raw.apply(older).isEmpty()) {
      LOG.warn("{} is read as {}; set {} instead", older.key(), current.key(), current.key());
      return Optional.of(raw.apply(older));
    }
    return Optional.empty();
  }

  private static List<DigestAlgorithm> algorithms(String value) {
    List<DigestAlgorithm> algorithms = new ArrayList<>();
    for (String token : list(value)) {
      DigestAlgorithm algorithm = DigestAlgorithm.ofToken(Optional.of(token)).orElseThrow(() -> new InvalidSettingException(
          "invalid parameter digest_algorithms=" + value + ": each must be MD5 or SHA-256"));
      if (!algorithms.contains(algorithm)) {
        algorithms.add(algorithm);
      }
    }
    if (algorithms.isEmpty()) {
      throw new InvalidSettingException("invalid parameter digest_algorithms=: name MD5, SHA-256 or both");
    }
    return algorithms;
  }

  private static List<String> list(String value) {
    return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty())
        .map(item -> item.toLowerCase(Locale.ROOT))
        .collect(Collectors.toList());
  }

  private static Optional<Path> readableFile(Parameter parameter, String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Path file = Path.of(value);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidSettingException("invalid parameter " + parameter.key() + "=" + value + ": must be a readable file");
    }
    return Optional.of(file);
  }

  /** The values for the management views: user names only, the key masked. */
  void describe(Map<String, String> values) {
    values.put(Parameter.DIGEST_AUTH.key(), digestAuth ? "1" : "0");
    values.put(Parameter.DIGEST_REALM.key(), realm);
    values.put(Parameter.DIGEST_ALGORITHMS.key(),
        algorithms.stream().map(DigestAlgorithm::token).collect(Collectors.joining(",")));
    values.put(Parameter.DIGEST_SECRET.key(), secret.isEmpty() ? "" : "****");
    values.put(Parameter.SUBSCRIBERS.key(),
        subscribers.keySet().stream().sorted().map(user -> user + ":****").collect(Collectors.joining(",")));
    values.put(Parameter.SUBSCRIBERS_FILE.key(), subscribersFile.map(Path::toString).orElse(""));
    values.put(Parameter.TRUSTED_PROXIES.key(), trustedProxies.toString());
    values.put(Parameter.DOMAINS.key(), String.join(",", domains));
    values.put(Parameter.PROTECTED_MODE.key(), protectedMode ? "1" : "0");
  }

  @Override
  public String toString() {
    return "digestAuth=" + digestAuth + ", realm=" + realm + ", algorithms=" + algorithms + ", secret="
        + (secret.isEmpty() ? "" : "****") + ", subscribers=" + new java.util.TreeSet<>(subscribers.keySet())
        + ", subscribersFile=" + subscribersFile.map(Path::toString).orElse("") + ", trustedProxies=" + trustedProxies
        + ", domains=" + domains + ", protectedMode=" + protectedMode;
  }
}
