package org.presenceagent.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the test documents under {@code src/test/resources/documents/pidf}. */
final class TestDocuments {

  private TestDocuments() {}

  static byte[] pidf(String name) {
    String path = "/documents/pidf/" + name;
    try (InputStream in = TestDocuments.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test document " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
