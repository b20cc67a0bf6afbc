package org.presenceagent.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    assertThat(HtdigestFile.read(file, "testrealm@host.com"))
        .containsExactly(java.util.Map.entry("Mufasa", "939e7578ed9e3c518a452acee763bce9"));
  }

  @Test
  void aMalformedLineIsAnErrorNamingTheParameterAndLine() throws Exception {
    Path file = Files.writeString(directory.resolve("users"), "alice:example.com:0123\n");

    assertThatThrownBy(() -> HtdigestFile.read(file, "example.com"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("register_credentials_file=").hasMessageContaining("line 1");
  }
}
