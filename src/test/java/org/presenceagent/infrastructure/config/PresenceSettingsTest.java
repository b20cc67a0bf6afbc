package org.presenceagent.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.identity.DigestAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.presenceagent.domain.auth.EmptyTransformationsPolicy;

class PresenceSettingsTest {

  @Test
  void defaults() {
    PresenceSettings settings = PresenceSettings.defaults();

    assertThat(settings.defaultExpires()).isEqualTo(3600);
    assertThat(settings.maxSubscriptionExpiration()).isEqualTo(3600);
    assertThat(settings.maxPublishExpiration()).isEqualTo(3600);
    assertThat(settings.minExpires()).isEqualTo(60);
    assertThat(settings.useDb()).isTrue();
    assertThat(settings.dbUrl()).isEmpty();
    assertThat(settings.dbUser()).isEmpty();
    assertThat(settings.dbPassword()).isEmpty();
    assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
    assertThat(settings.auth()).isEqualTo(AuthMode.IMPLICIT);
    assertThat(settings.ignore408OnNotify()).isFalse();
    assertThat(settings.maxBodySize()).isEqualTo(65536);
    assertThat(settings.pendingResponseCode()).isEqualTo(200);
    assertThat(settings.effectiveDbUrl()).startsWith("jdbc:h2:file:").contains("presence-agent");
  }

  @Test
  void readsEveryParameter() {
    PresenceSettings settings = PresenceSettings.from(Map.ofEntries(
        Map.entry("default_expires", "600"),
        Map.entry("max_subscription_expiration", "7200"),
        Map.entry("max_publish_expiration", "1800"),
        Map.entry("min_expires", "30"),
        Map.entry("use_db", "0"),
        Map.entry("db_url", "jdbc:postgresql://db/presence"),
        Map.entry("db_user", "pa"),
        Map.entry("db_password", "secret"),
        Map.entry("data_dir", "/var/lib/pa"),
        Map.entry("auth", "none"),
        Map.entry("ignore_408_on_notify", "yes"),
        Map.entry("max_body_size", "2048"),
        Map.entry("pending_response_code", "202")));

    assertThat(settings.defaultExpires()).isEqualTo(600);
    assertThat(settings.maxSubscriptionExpiration()).isEqualTo(7200);
    assertThat(settings.maxPublishExpiration()).isEqualTo(1800);
    assertThat(settings.minExpires()).isEqualTo(30);
    assertThat(settings.useDb()).isFalse();
    assertThat(settings.dbUrl()).contains("jdbc:postgresql://db/presence");
    assertThat(settings.effectiveDbUrl()).isEqualTo("jdbc:postgresql://db/presence");
    assertThat(settings.dbUser()).isEqualTo("pa");
    assertThat(settings.dbPassword()).isEqualTo("secret");
    assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/pa"));
    assertThat(settings.auth()).isEqualTo(AuthMode.NONE);
    assertThat(settings.ignore408OnNotify()).isTrue();
    assertThat(settings.maxBodySize()).isEqualTo(2048);
    assertThat(settings.pendingResponseCode()).isEqualTo(202);
  }

  @ParameterizedTest
  @CsvSource({
      "default_expires, -5, 1, 2147483647",
      "default_expires, 0, 1, 2147483647",
      "default_expires, soon, 1, 2147483647",
      "max_subscription_expiration, 0, 1, 2147483647",
      "max_publish_expiration, 2147483648, 1, 2147483647",
      "min_expires, -1, 0, 2147483647",
      "max_body_size, 1023, 1024, 16777216",
      "max_body_size, 16777217, 1024, 16777216"})
  void aNumberOutOfRangeNamesTheParameterTheValueAndTheRange(String name, String value, String min, String max) {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of(name, value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(name + "=" + value)
        .hasMessageContaining("between " + min + " and " + max);
  }

  @Test
  void thePendingResponseCodeIs200Or202() {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("pending_response_code", "201")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("pending_response_code=201")
        .hasMessageContaining("200 or 202");
  }

  @ParameterizedTest
  @CsvSource({"use_db, maybe", "ignore_408_on_notify, 2"})
  void aFlagIsOneOrZero(String name, String value) {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of(name, value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(name + "=" + value)
        .hasMessageContaining("1 or 0");
  }

  @ParameterizedTest
  @CsvSource(value = {"none, NONE", "NONE, NONE", "implicit, IMPLICIT", "xcap, XCAP", "'', IMPLICIT", "'  ', IMPLICIT"})
  void authModes(String value, AuthMode expected) {
    assertThat(PresenceSettings.from(Map.of("auth", value)).auth()).isEqualTo(expected);
  }

  @Test
  void watcherInfoIsOnAndOwnerOnlyByDefaultAsInTheSeed() {
    assertThat(PresenceSettings.defaults().watcherinfoNotify()).isTrue();
    assertThat(PresenceSettings.defaults().winfoAuth()).isEqualTo(AuthMode.IMPLICIT);
    assertThat(PresenceSettings.from(Map.of("winfo_auth", "none", "watcherinfo_notify", "0")))
        .satisfies(settings -> {
          assertThat(settings.winfoAuth()).isEqualTo(AuthMode.NONE);
          assertThat(settings.watcherinfoNotify()).isFalse();
        });
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("winfo_auth", "xcap")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("winfo_auth=xcap")
        .hasMessageContaining("none or implicit");
  }

  @Test
  void presRulesTransformationsDefaultToTheSeedsReading() {
    assertThat(PresenceSettings.defaults().presRulesTransformations()).isEqualTo(EmptyTransformationsPolicy.SEED);
    assertThat(PresenceSettings.from(Map.of("pres_rules_transformations", "rfc5025")).presRulesTransformations())
        .isEqualTo(EmptyTransformationsPolicy.RFC5025);
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("pres_rules_transformations", "strict")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("pres_rules_transformations=strict")
        .hasMessageContaining("rfc5025 or seed");
  }

  @Test
  void offlineWatcherInfoIsOffByDefaultWithTheSeedsTimes() {
    PresenceSettings defaults = PresenceSettings.defaults();
    assertThat(defaults.useOfflineWinfo()).isFalse();
    assertThat(defaults.offlineWinfoExpiration()).isEqualTo(259200);
    assertThat(defaults.offlineWinfoTimer()).isEqualTo(3600);
    assertThat(PresenceSettings.from(Map.of("use_offline_winfo", "1", "offline_winfo_timer", "60")))
        .satisfies(settings -> {
          assertThat(settings.useOfflineWinfo()).isTrue();
          assertThat(settings.offlineWinfoTimer()).isEqualTo(60);
        });
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("offline_winfo_expiration", "0")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("offline_winfo_expiration");
  }

  @Test
  void anExternalXcapRootIsAnHttpUriWithoutCredentials() {
    PresenceSettings settings = PresenceSettings.from(Map.of(
        "auth", "xcap", "auth_xcap_root", "https://xcap.example.com/xcap-root", "auth_rules_refresh_time", "60"));

    assertThat(settings.authXcapRoot()).hasValueSatisfying(uri -> assertThat(uri.getHost()).isEqualTo("xcap.example.com"));
    assertThat(settings.authRulesRefreshTime()).isEqualTo(60);
    assertThat(PresenceSettings.defaults().authXcapRoot()).isEmpty();
    assertThat(PresenceSettings.defaults().authRulesRefreshTime()).isEqualTo(300);
    for (String bad : new String[] {"xcap.example.com", "ftp://x/y", "http://user:pw@x/y", "http://"}) {
      assertThatThrownBy(() -> PresenceSettings.from(Map.of("auth_xcap_root", bad)))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("auth_xcap_root");
    }
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("auth_rules_refresh_time", "0")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("auth_rules_refresh_time");
  }

  @Test
  void xcapCredentialsAreUserAtHostColonPasswordPairsAndBecomeSubscribers() {
    PresenceSettings settings = PresenceSettings.from(Map.of(
        "xcap_credentials", "alice@example.com:se:cret, bob@example.com:pw", "subscribers", "bob@example.com:new"));

    assertThat(settings.identity().subscribers())
        .containsExactlyInAnyOrderEntriesOf(Map.of("alice@example.com", "se:cret", "bob@example.com", "new"));
    assertThat(settings.xcapOpen()).isFalse();
    assertThat(settings.toString()).doesNotContain("se:cret").contains("alice@example.com");
    assertThat(PresenceSettings.defaults().identity().subscribers()).isEmpty();
    assertThat(PresenceSettings.from(Map.of("xcap_open", "1")).xcapOpen()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice@example.com", "alice@example.com:", "alice:pw", "@example.com:pw", "a@b:x,a@b:y"})
  void badXcapCredentialsAreRejectedWithoutEchoingPasswords(String value) {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("xcap_credentials", value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("xcap_credentials")
        .hasMessageNotContaining(":pw")
        .hasMessageNotContaining(":y");
  }

  @Test
  void anUnknownAuthModeIsRejected() {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("auth", "whoever")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("auth=whoever")
        .hasMessageContaining("none, implicit or xcap");
  }

  @Test
  void anUnknownParameterIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("default_expire", "60")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'default_expire'")
        .hasMessageContaining("default_expires")
        .hasMessageContaining("pending_response_code");
  }

  @Test
  void aSystemPropertyOverridesTheLookup() {
    String property = "presenceagent.default_expires";
    System.setProperty(property, " 120 ");
    try {
      assertThat(PresenceSettings.from(Map.of("default_expires", "600")).defaultExpires()).isEqualTo(120);
      assertThat(PresenceSettings.defaults().defaultExpires()).isEqualTo(120);
    } finally {
      System.clearProperty(property);
    }
    assertThat(PresenceSettings.defaults().defaultExpires()).isEqualTo(3600);
  }

  @ParameterizedTest
  @ValueSource(strings = {"max_subscription_expiration", "max_publish_expiration"})
  void aMinimumAboveAMaximumIsRejected(String maximum) {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("min_expires", "600", maximum, "300")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("min_expires=600")
        .hasMessageContaining(maximum);
  }

  @Test
  void aDefaultBelowTheMinimumIsRejected() {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("default_expires", "30", "min_expires", "60")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("default_expires=30")
        .hasMessageContaining("min_expires");
  }

  @Test
  void theDatabaseUrlMustBeJdbc() {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("db_url", "postgresql://db/presence")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("db_url=postgresql://db/presence")
        .hasMessageContaining("jdbc:");
  }

  @Test
  void toStringNeverShowsThePassword() {
    PresenceSettings settings = PresenceSettings.from(Map.of("db_user", "pa", "db_password", "s3cr3t-Pa55"));

    assertThat(settings.toString()).doesNotContain("s3cr3t-Pa55").contains("dbPassword=****").contains("dbUser=pa");
    assertThat(PresenceSettings.defaults().toString()).contains("dbPassword=,");
  }

  @Test
  void aJndiDataSourceReplacesDbUrlAndCannotBeCombinedWithIt() {
    assertThat(PresenceSettings.defaults().dbJndiName()).isEmpty();
    assertThat(PresenceSettings.from(Map.of("db_jndi_name", "java:jboss/datasources/PresenceAgentDS")).dbJndiName())
        .contains("java:jboss/datasources/PresenceAgentDS");

    assertThatThrownBy(() -> PresenceSettings.from(
        Map.of("db_jndi_name", "java:jboss/datasources/PresenceAgentDS", "db_url", "jdbc:h2:mem:x")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("db_jndi_name=java:jboss/datasources/PresenceAgentDS")
        .hasMessageContaining("exclude each other");
  }

  @Test
  void internalSubscriptionsAreRefusedUnlessAcceptedAsInTheSeed() {
    assertThat(PresenceSettings.defaults().acceptInternalSubscriptions()).isFalse();
    assertThat(PresenceSettings.from(Map.of("accept_internal_subscriptions", "1")).acceptInternalSubscriptions()).isTrue();
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("accept_internal_subscriptions", "2")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("accept_internal_subscriptions=2");
  }

  @Test
  void digestIsOffByDefaultAndTheOlderRegisterParametersStillWork() {
    IdentitySettings defaults = PresenceSettings.defaults().identity();
    assertThat(defaults.digestAuth()).isFalse();
    assertThat(defaults.protectedMode()).isTrue();
    assertThat(defaults.authenticates()).isFalse();
    assertThat(defaults.realm()).isEqualTo("presence-agent");
    assertThat(defaults.algorithms()).containsExactly(DigestAlgorithm.MD5);

    IdentitySettings older = PresenceSettings.from(Map.of("register_auth", "1", "register_auth_realm", "example.com",
        "register_credentials", "alice:won:der,bob:builder", "register_auth_secret", "0123456789abcdef")).identity();
    assertThat(older.digestAuth()).isTrue();
    assertThat(older.realm()).isEqualTo("example.com");
    assertThat(older.secret()).isEqualTo("0123456789abcdef");
    assertThat(older.subscribers())
        .containsOnly(Map.entry("alice@example.com", "won:der"), Map.entry("bob@example.com", "builder"));
    assertThat(older.toString()).doesNotContain("won:der").doesNotContain("0123456789abcdef");

    IdentitySettings current = PresenceSettings.from(Map.of("digest_auth", "1", "domains", "Example.COM, example.org",
        "digest_algorithms", "sha-256", "trusted_proxies", "10.0.0.0/8, 192.0.2.7")).identity();
    assertThat(current.realm()).as("the first domain").isEqualTo("example.com");
    assertThat(current.domains()).containsExactly("example.com", "example.org");
    assertThat(current.algorithms()).containsExactly(DigestAlgorithm.SHA_256);
    assertThat(current.trustedProxies().contains("10.1.2.3")).isTrue();
    assertThat(current.trustedProxies().contains("192.0.2.8")).isFalse();
  }

  @Test
  void badIdentityParametersAreRejectedWithoutEchoingSecrets() {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("digest_secret", "short")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("digest_secret").hasMessageNotContaining("short");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("register_credentials", "alice:pw,alice:other")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("register_credentials")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("register_credentials_file", "/nonexistent/users.htdigest")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("register_credentials_file=/nonexistent");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("subscribers", "alice:pw")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("subscribers").hasMessageNotContaining("pw");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("trusted_proxies", "proxy.example.com")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("trusted_proxies");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("trusted_proxies", "10.0.0.0/33")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("digest_algorithms", "MD5,SHA-1")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("digest_algorithms");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("protected_mode", "maybe")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("protected_mode");
  }

  @Test
  void theAdminApiIsOffAndLocalOnlyByDefault() {
    PresenceSettings settings = PresenceSettings.defaults();

    assertThat(settings.adminCredentials()).isEmpty();
    assertThat(settings.adminRemote()).isFalse();
    assertThat(settings.jmxName()).isEqualTo("presence-agent");
  }

  @Test
  void readsAdminCredentialsAndRejectsBadOnesWithoutShowingPasswords() {
    assertThat(PresenceSettings.from(Map.of("admin_credentials", "ops:a:b, backup:c")).adminCredentials())
        .containsOnly(Map.entry("ops", "a:b"), Map.entry("backup", "c"));
    for (String bad : new String[] {"ops", "ops:", ":pw-x1", "ops:pw-x1,ops:pw-x2"}) {
      assertThatThrownBy(() -> PresenceSettings.from(Map.of("admin_credentials", bad)))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageStartingWith("invalid parameter admin_credentials")
          .hasMessageNotContaining("pw-x");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a,b", "x=y", "a:b", "with space", "quote\"d"})
  void aJmxNameMustNeedNoQuoting(String bad) {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("jmx_name", bad)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("invalid parameter jmx_name=");
  }

  @Test
  void theDescriptionListsEveryParameterWithSecretsMasked() {
    PresenceSettings settings = PresenceSettings.from(Map.of("db_password", "s3cr3t-Pa55",
        "xcap_credentials", "alice@example.com:pw-1", "admin_credentials", "ops:pw-2", "auth", "xcap",
        "register_auth", "1", "register_auth_realm", "example.com", "register_credentials", "carol:pw-3",
        "register_auth_secret", "0123456789abcdef"));

    Map<String, String> described = settings.describe();

    assertThat(described.keySet()).containsExactly(
        java.util.Arrays.stream(Parameter.values()).map(Parameter::key).toArray(String[]::new));
    assertThat(described).containsEntry("db_password", "****").containsEntry("auth", "xcap")
        .containsEntry("admin_credentials", "ops:****").containsEntry("xcap_credentials", "see subscribers")
        .containsEntry("default_expires", "3600").containsEntry("admin_remote", "0");
    assertThat(described).containsEntry("subscribers", "alice@example.com:****,carol@example.com:****")
        .containsEntry("digest_secret", "****").containsEntry("digest_auth", "1")
        .containsEntry("register_auth_secret", "see digest_secret");
    assertThat(described.values().toString()).doesNotContain("s3cr3t").doesNotContain("pw-1").doesNotContain("pw-2")
        .doesNotContain("pw-3").doesNotContain("0123456789abcdef");
  }
}
