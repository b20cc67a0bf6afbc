package org.presenceagent.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presenceagent.standalone.CommandLine.UsageException;

class CommandLineTest {

  private static CommandLine parse(String... args) {
    return CommandLine.parse(List.of(args));
  }

  @Test
  void defaults() {
    CommandLine line = parse();

    assertThat(line.bind()).isEqualTo("127.0.0.1");
    assertThat(line.sipPort()).isEqualTo(5060);
    assertThat(line.httpPort()).isEqualTo(8080);
    assertThat(line.dataDir()).isEqualTo(Path.of("data"));
    assertThat(line.dbUrl()).isEmpty();
    assertThat(line.params()).isEmpty();
    assertThat(line.help()).isFalse();
    assertThat(line.version()).isFalse();
  }

  @Test
  void everyOption() {
    CommandLine line = parse(
        "--bind", "0.0.0.0", "--sip-port", "5070", "--http-port", "8081", "--data-dir", "/tmp/pa",
        "--db-url", "jdbc:postgresql://db/presence", "--param", "auth=none", "--help", "--version");

    assertThat(line.bind()).isEqualTo("0.0.0.0");
    assertThat(line.sipPort()).isEqualTo(5070);
    assertThat(line.httpPort()).isEqualTo(8081);
    assertThat(line.dataDir()).isEqualTo(Path.of("/tmp/pa"));
    assertThat(line.dbUrl()).contains("jdbc:postgresql://db/presence");
    assertThat(line.params()).containsExactly(entry("auth", "none"));
    assertThat(line.help()).isTrue();
    assertThat(line.version()).isTrue();
  }

  @Test
  void shortHelp() {
    assertThat(parse("-h").help()).isTrue();
  }

  @Test
  void paramRepeatsInOrderAndTheLastValueWins() {
    CommandLine line = parse("--param", "auth=none", "--param", " min_expires = 30 ", "--param", "auth=implicit",
        "--param", "db_url=jdbc:h2:mem:x;MODE=PostgreSQL");

    assertThat(line.params()).containsExactly(
        entry("auth", "implicit"),
        entry("min_expires", "30"),
        entry("db_url", "jdbc:h2:mem:x;MODE=PostgreSQL"));
    assertThatThrownBy(() -> line.params().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aParamMayBeEmpty() {
    assertThat(parse("--param", "auth=").params()).containsEntry("auth", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "-1", "http", "50 60"})
  void aBadPortIsAUsageError(String port) {
    assertThatThrownBy(() -> parse("--sip-port", port))
        .isInstanceOf(UsageException.class)
        .hasMessage("--sip-port must be a port number between 1 and 65535, not '" + port + "'");
  }

  @Test
  void aBadHttpPortNamesTheHttpOption() {
    assertThatThrownBy(() -> parse("--http-port", "99999"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--http-port must be a port number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--bind", "--sip-port", "--http-port", "--data-dir", "--db-url", "--param"})
  void anOptionWithoutItsValueIsAUsageError(String option) {
    assertThatThrownBy(() -> parse(option))
        .isInstanceOf(UsageException.class)
        .hasMessage(option + " needs a value");
    assertThatThrownBy(() -> parse(option, "--help"))
        .isInstanceOf(UsageException.class)
        .hasMessage(option + " needs a value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth", "=none", ""})
  void aParamWithoutNameAndValueIsAUsageError(String assignment) {
    assertThatThrownBy(() -> parse("--param", assignment))
        .isInstanceOf(UsageException.class)
        .hasMessage("--param needs name=value, not '" + assignment + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--port", "-p", "5060", "--HELP"})
  void anUnknownOptionIsAUsageError(String option) {
    assertThatThrownBy(() -> parse(option))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option: " + option);
  }

  @Test
  void equalPortsAreAUsageError() {
    assertThatThrownBy(() -> parse("--sip-port", "8080"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--sip-port and --http-port must differ (both are 8080)");
  }

  @Test
  void theUsageTextNamesEveryOption() {
    assertThat(CommandLine.USAGE)
        .contains("--bind", "--sip-port", "--http-port", "--data-dir", "--db-url", "--param", "--help", "--version");
  }
}
