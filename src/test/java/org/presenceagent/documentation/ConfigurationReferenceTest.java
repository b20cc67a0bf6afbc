package org.presenceagent.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.presenceagent.infrastructure.config.Parameter;
import org.presenceagent.infrastructure.config.PresenceSettings;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The configuration reference's parameter table (docs/configuration.md) and sip.xml say what the
 * code's {@link Parameter} enum says, and nothing else: a parameter added to the code and not to the
 * page, or left on the page after it left the code, fails the build.
 */
class ConfigurationReferenceTest {

  static final Path REFERENCE = Path.of("docs/configuration.md");

  @Test
  void theReferenceTableListsEveryParameterWithItsDefaultMeaningAndSeedName() throws IOException {
    // Only the table of the "Parameters" section: other sections may have tables of their own.
    List<String> lines = Files.readAllLines(REFERENCE);
    int section = lines.indexOf("## Parameters");
    assertThat(section).as("a Parameters section").isNotNegative();
    List<String> rows = lines.stream()
        .skip(section + 1)
        .takeWhile(line -> !line.startsWith("## "))
        .filter(line -> line.startsWith("| `"))
        .toList();

    List<String> expected = Arrays.stream(Parameter.values())
        .map(parameter -> "| `" + parameter.key() + "` | "
            + (parameter.defaultValue().isEmpty() ? "(empty)" : "`" + parameter.defaultValue() + "`")
            + " | " + parameter.meaning() + " | " + parameter.seedName() + " |")
        .toList();
    assertThat(rows).containsExactlyElementsOf(expected);
  }

  @Test
  void sipXmlDeclaresOnlyKnownParametersWithValidValues() throws Exception {
    Map<String, String> declared = sipXmlParams();

    PresenceSettings.rejectUnknown(declared.keySet());
    assertThat(PresenceSettings.from(declared)).isNotNull();
    // every declared value other than auth is the documented default
    declared.forEach((name, value) -> {
      if (!name.equals("auth")) {
        assertThat(value).as(name).isEqualTo(Parameter.byKey(name).orElseThrow().defaultValue());
      }
    });
  }

  private static Map<String, String> sipXmlParams() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList params = factory.newDocumentBuilder()
        .parse(Path.of("src/main/webapp/WEB-INF/sip.xml").toFile())
        .getElementsByTagNameNS("*", "context-param");
    Function<Element, String> name = element -> element.getElementsByTagNameNS("*", "param-name").item(0).getTextContent();
    Function<Element, String> value = element -> element.getElementsByTagNameNS("*", "param-value").item(0).getTextContent();
    return java.util.stream.IntStream.range(0, params.getLength())
        .mapToObj(index -> (Element) params.item(index))
        .collect(Collectors.toMap(name, value));
  }
}
