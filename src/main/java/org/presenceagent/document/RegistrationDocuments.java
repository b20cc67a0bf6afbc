package org.presenceagent.document;

import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Tuple;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;

/**
 * Presence from registrations: the registered contacts of a user as a PIDF document, one open
 * tuple per binding with the contact and its q as priority (RFC 3863 section 4.1.5), composed
 * with the user's publications like any other.
 */
final class RegistrationDocuments {

  private RegistrationDocuments() {}

  static ParsedPidf of(Aor aor, List<Binding> bindings) {
    Presence presence = PidfModel.presence(aor.uri());
    for (Binding binding : bindings) {
      Tuple tuple = PidfModel.tuple(tupleId(binding), Pidf.OPEN);
      tuple.setContact(
          PidfModel.contact(binding.contact(), binding.q().map(RegistrationDocuments::priority).orElse(null)));
      presence.getTuples().add(tuple);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XmlBinding.newMarshaller(presence).marshal(PidfModel.root(presence), out);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot write the registration document", e);
    }
    return new ParsedPidf(Pidf.CONTENT_TYPE, out.toByteArray(), presence);
  }

  /** Stable across NOTIFYs and restarts, an XML name (xs:ID), and says nothing about the contact. */
  private static String tupleId(Binding binding) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(binding.key().getBytes(StandardCharsets.UTF_8));
      return "reg-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String priority(double q) {
    return BigDecimal.valueOf(q).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
