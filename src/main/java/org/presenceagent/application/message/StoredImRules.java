package org.presenceagent.application.message;

import java.util.Optional;
import java.util.function.Function;
import org.presenceagent.application.port.RejectedDocumentException;
import org.presenceagent.application.port.RulesDocumentReader;
import org.presenceagent.domain.auth.ImRules;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocumentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recipient's im-rules from the built-in XCAP server
 * ({@code <xcap-root>/im-rules/users/<user>/im-rules.xml}); empty when there is no document.
 */
public final class StoredImRules implements Function<Aor, Optional<ImRules>> {

  public static final String AUID = "im-rules";
  public static final String DOCUMENT_NAME = "im-rules.xml";

  private static final Logger LOG = LoggerFactory.getLogger(StoredImRules.class);

  private final XcapDocumentRepository documents;
  private final RulesDocumentReader reader;

  public StoredImRules(XcapDocumentRepository documents, RulesDocumentReader reader) {
    this.documents = documents;
    this.reader = reader;
  }

  @Override
  public Optional<ImRules> apply(Aor recipient) {
    return documents.find(new DocumentSelector(AUID, recipient, DOCUMENT_NAME)).flatMap(document -> {
      try {
        return Optional.of(reader.readImRules(document.body()));
      } catch (RejectedDocumentException e) {
        // Validated when stored; a document another version stored may not read: no usable rules.
        LOG.error("stored im-rules of {} cannot be read, treating them as absent: {}", recipient, e.getMessage());
        return Optional.empty();
      }
    });
  }
}
