package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.shared.Aor;
import org.xmlunit.assertj3.XmlAssert;

/**
 * Golden files: every input document under {@code documents/formats/in} (RFC examples, documents
 * as real clients publish them, and bodies captured on the wire from linphone 5.1 and baresip
 * 1.0.0, whose {@code unknown} basic is repaired first), alone and composed, written in every NOTIFY format and
 * compared with {@code documents/formats/out} structurally (XMLUnit, whitespace and comments
 * ignored); LPIDF, which is not XML, line by line. Run with {@code -Dgolden.update=true} to
 * rewrite the expected files after an intended change, then review the diff.
 */
class DocumentFormatsGoldenTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final String IN = "/documents/formats/in/";
  private static final String OUT = "/documents/formats/out/";
  private static final List<String> INPUTS = List.of(
      "rfc3863-example.pidf.xml",
      "rfc4480-on-the-phone.pidf.xml",
      "asterisk-chan-sip-away.pidf.xml",
      "eyebeam-activity-text.pidf.xml",
      "linphone-on-the-phone.pidf.xml",
      "linphone-online.pidf.xml",
      "baresip-open.pidf.xml",
      "baresip-unknown.pidf.xml",
      "jitsi-busy.pidf.xml",
      "simple-client-im-away.cpim-pidf.xml",
      "offline.pidf.xml");
  /** Output formats and the file extension of their golden files. */
  private static final List<String[]> FORMATS = List.of(
      new String[] {"application/pidf+xml", "pidf.xml"},
      new String[] {"application/cpim-pidf+xml", "cpim-pidf.xml"},
      new String[] {"application/xpidf+xml", "xpidf.xml"},
      new String[] {"application/lpidf+xml", "lpidf.txt"});

  private final PidfCodec codec = new PidfCodec(new SecureXml());

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String[] format : FORMATS) {
      for (String input : INPUTS) {
        cases.add(Arguments.of(List.of(input), format[0], base(input) + "." + format[1]));
      }
      // Three devices: composition merges, orders by priority and renames the repeated ids.
      cases.add(Arguments.of(
          List.of("linphone-on-the-phone.pidf.xml", "offline.pidf.xml", "rfc3863-example.pidf.xml"),
          format[0], "composed-three-devices." + format[1]));
      cases.add(Arguments.of(List.of(), format[0], "nothing-published." + format[1]));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void writesEachInputInEachFormat(List<String> inputs, String contentType, String expectedFile) throws IOException {
    List<PresenceDocument> publications = new ArrayList<>();
    for (String input : inputs) {
      publications.add(codec.parse(typeOf(input), read(IN + input)));
    }

    NotifyBody body = codec.compose(ALICE, publications, contentType, Transformations.ALL);

    assertThat(body.contentType()).isEqualTo(contentType);
    if (Boolean.getBoolean("golden.update")) {
      Files.write(Path.of("src/test/resources" + OUT + expectedFile), body.bytes());
    }
    byte[] expected = read(OUT + expectedFile);
    if (expectedFile.endsWith(".txt")) {
      assertThat(new String(body.bytes(), UTF_8)).isEqualTo(new String(expected, UTF_8));
    } else {
      XmlAssert.assertThat(body.bytes()).and(expected).ignoreWhitespace().ignoreComments().areSimilar();
    }
  }

  static String typeOf(String input) {
    return input.endsWith(".cpim-pidf.xml") ? "application/cpim-pidf+xml" : "application/pidf+xml";
  }

  private static String base(String input) {
    return input.substring(0, input.indexOf('.'));
  }

  static byte[] read(String path) {
    try (InputStream in = DocumentFormatsGoldenTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test document " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
