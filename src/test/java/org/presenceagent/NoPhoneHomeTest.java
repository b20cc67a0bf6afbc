package org.presenceagent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.restcomm.commons.statistics.reporter.RestcommStatsReporter;

/**
 * The SIP Servlets container's restcomm-statistics library sends usage data to a remote host; we
 * replace it by a do-nothing stub. These tests fail if the original comes back on the class path.
 */
class NoPhoneHomeTest {

  private static final String REPORTER_CLASS = "org/restcomm/commons/statistics/reporter/RestcommStatsReporter.class";

  private final ClassLoader loader = NoPhoneHomeTest.class.getClassLoader();

  @Test
  void theReporterIsOurStubFromTheBuildOutput() {
    URL location = RestcommStatsReporter.class.getProtectionDomain().getCodeSource().getLocation();

    assertThat(location.toString()).endsWith("classes/").doesNotEndWith("test-classes/");
  }

  @Test
  void thereIsNoOtherCopyOfTheReporter() throws IOException {
    assertThat(Collections.list(loader.getResources(REPORTER_CLASS))).hasSize(1);
  }

  @Test
  void theStatisticsConfigurationWithTheRemoteAddressIsAbsent() throws IOException {
    List<URL> statisticsConfigurations = new ArrayList<>();
    for (URL url : Collections.list(loader.getResources("config.properties"))) {
      String content = read(url).toLowerCase(Locale.ROOT);
      if (content.contains("statistics") || content.contains("remote")) {
        statisticsConfigurations.add(url);
      }
    }

    assertThat(statisticsConfigurations).isEmpty();
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
