package org.presenceagent.infrastructure.xcap;

import java.util.function.Function;
import org.presenceagent.application.port.RulesDocumentReader;
import org.presenceagent.domain.auth.ImRules;
import org.presenceagent.domain.auth.PresRules;

/**
 * A kind of per-user document the XCAP client reads: {@code <root>/<auid>/users/<user>/<name>}
 * (RFC 4825 section 6), and how its body becomes a model.
 *
 * @param auid the application usage, e.g. {@code pres-rules}
 * @param documentName the document's name in the user's directory (the seed's names)
 * @param reader parses a body; throws {@code RejectedDocumentException} for an invalid one
 */
public record XcapDocumentType<T>(String auid, String documentName, Function<byte[], T> reader) {

  /** The seed's presence authorization rules: {@code pres-rules/users/<user>/presence-rules.xml}. */
  public static XcapDocumentType<PresRules> presRules(RulesDocumentReader reader) {
    return new XcapDocumentType<>("pres-rules", "presence-rules.xml", reader::read);
  }

  /** The seed's MESSAGE authorization rules: {@code im-rules/users/<user>/im-rules.xml}. */
  public static XcapDocumentType<ImRules> imRules(RulesDocumentReader reader) {
    return new XcapDocumentType<>("im-rules", "im-rules.xml", reader::readImRules);
  }
}
