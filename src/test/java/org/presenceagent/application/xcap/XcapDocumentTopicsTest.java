package org.presenceagent.application.xcap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.presenceagent.application.authorize.StoredRules;
import org.presenceagent.application.message.StoredImRules;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.xcap.DocumentSelector;

/** Which XCAP document changes other cluster nodes must hear of, and how they read the row's topic. */
class XcapDocumentTopicsTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");

  @Test
  void theDocumentsNodesKeepParsedHaveATopicThatNamesTheirUsage() {
    String rules = XcapDocumentChanges.topic(new DocumentSelector(StoredRules.AUID, ALICE, StoredRules.DOCUMENT_NAME)).orElseThrow();
    String presence = XcapDocumentChanges.topic(
        new DocumentSelector(StaticPresence.AUID, ALICE, StaticPresence.DOCUMENT_NAME)).orElseThrow();

    assertThat(XcapDocumentChanges.usageOf(rules)).contains(StoredRules.AUID);
    assertThat(XcapDocumentChanges.usageOf(presence)).contains(StaticPresence.AUID);
    assertThat(rules.length()).as("fits change_log.event").isLessThanOrEqualTo(64);
  }

  @Test
  void documentsReadAtEachUseNeedNoRow() {
    assertThat(XcapDocumentChanges.topic(new DocumentSelector(StoredImRules.AUID, ALICE, StoredImRules.DOCUMENT_NAME))).isEmpty();
    assertThat(XcapDocumentChanges.topic(new DocumentSelector(StoredRules.AUID, ALICE, "other.xml"))).isEmpty();
  }

  @Test
  void anEventPackagesNameIsNoDocumentTopic() {
    assertThat(XcapDocumentChanges.usageOf("presence")).isEmpty();
    assertThat(XcapDocumentChanges.usageOf("presence.winfo")).isEmpty();
  }
}
