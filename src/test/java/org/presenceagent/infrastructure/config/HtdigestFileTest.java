package org.presenceagent.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presenceagent.application.identity.DigestAlgorithm;
import org.presenceagent.application.identity.Subscriber;
import org.presenceagent.domain.shared.Aor;

class HtdigestFileTest {

  @TempDir
  Path directory;

  @Test
  void readsTheUsersOfTheRealmAndSkipsCommentsAndOtherRealms() throws Exception {
    Path file = Files.writeString(directory.resolve("users"), """
        # written by htdigest
        Mufasa:testrealm@host.com:939E7578ED9E3C518A452ACEE763BCE9

        bob:other.example.com:0123456789abcdef0123456789abcdef
        """);

    List<Subscriber> subscribers = HtdigestFile.read(file, "testrealm@host.com", "host.com", Parameter.SUBSCRIBERS_FILE);

    assertThat(subscribers).hasSize(1);
    assertThat(subscribers.get(0).aor()).isEqualTo(Aor.of("Mufasa", "host.com"));
    assertThat(subscribers.get(0).md5()).contains("939e7578ed9e3c518a452acee763bce9");
    assertThat(subscribers.get(0).configured()).isTrue();
  }

  @Test
  void aUserMayHaveAnMd5AndASha256LineAndADomain() throws Exception {
    String sha = DigestAlgorithm.SHA_256.ha1("alice", "example.com", "pw");
    String md5 = DigestAlgorithm.MD5.ha1("alice", "example.com", "pw");
    Path file = Files.writeString(directory.resolve("users"),
        "alice@example.org:example.com:" + md5 + "\nalice@example.org:example.com:" + sha + "\n");

    Subscriber alice = HtdigestFile.read(file, "example.com", "example.com", Parameter.SUBSCRIBERS_FILE).get(0);

    assertThat(alice.aor()).isEqualTo(Aor.of("alice", "example.org"));
    assertThat(alice.md5b()).contains(md5);
    assertThat(alice.sha256b()).contains(sha);
    assertThat(alice.md5()).isEqualTo(Optional.empty());
  }

  @Test
  void aMalformedLineIsAnErrorNamingTheParameterAndLine() throws Exception {
    Path file = Files.writeString(directory.resolve("users"), "alice:example.com:0123\n");

    assertThatThrownBy(() -> HtdigestFile.read(file, "example.com", "example.com", Parameter.REGISTER_CREDENTIALS_FILE))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("register_credentials_file=").hasMessageContaining("line 1");
  }
}
