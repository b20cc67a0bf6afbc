package org.presenceagent.document;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a JAXB model we built ourselves as UTF-8 bytes (a fresh marshaller per call: they are not thread-safe). */
public final class JaxbBytes {

  private JaxbBytes() {}

  /**
   * @throws IllegalStateException when the model cannot be written, which for a model built by
   *     this application is a bug, not bad input
   */
  public static byte[] write(JAXBContext context, Object root) {
    try {
      Marshaller marshaller = context.createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      marshaller.marshal(root, out);
      return out.toByteArray();
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot write " + root.getClass().getSimpleName(), e);
    }
  }
}
