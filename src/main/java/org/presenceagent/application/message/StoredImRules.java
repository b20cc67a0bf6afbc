package org.presenceagent.application.message;

import java.time.Clock;
import java.util.Optional;
import org.presenceagent.application.port.RejectedDocumentException;
import org.presenceagent.application.port.RulesDocumentReader;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocumentRepository;
import org.presenceagent.domain.auth.ImRules;
import org.presenceagent.domain.shared.Aor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's {@code authorize_message()}: the recipient's im-rules document from the built-in
 * XCAP server ({@code <xcap-root>/im-rules/users/<user>/im-rules.xml}); no document allows the
 * message.
 */
public final class StoredImRules implements MessageAuthorization {

  public static final String AUID = "im-rules";
  public static final String DOCUMENT_NAME = "im-rules.xml";

  private static final Logger LOG = LoggerFactory.getLogger(StoredImRules.class);

  private final XcapDocumentRepository documents;
  private final RulesDocumentReader reader;
  private final Clock clock;

  public StoredImRules(XcapDocumentRepository documents, RulesDocumentReader reader, Clock clock) {
    this.documents = documents;
    this.reader = reader;
    this.clock = clock;
  }

  @Override
  public boolean allows(Aor sender, Aor recipient) {
    return rulesOf(recipient).map(rules -> rules.allows(sender, clock.instant())).orElse(true);
  }

  private Optional<ImRules> rulesOf(Aor recipient) {
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
