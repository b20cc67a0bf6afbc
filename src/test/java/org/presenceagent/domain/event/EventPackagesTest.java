package org.presenceagent.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventPackagesTest {

  private static final EventPackage WINFO =
      new EventPackage("presence.winfo", List.of("application/watcherinfo+xml"), false);

  private final EventPackages packages = new EventPackages(List.of(EventPackage.PRESENCE, WINFO));

  @Test
  void findsAPackageWhateverTheCase() {
    assertThat(packages.find("presence")).contains(EventPackage.PRESENCE);
    assertThat(packages.find("Presence")).contains(EventPackage.PRESENCE);
    assertThat(packages.find("PRESENCE.WINFO")).contains(WINFO);
  }

  @Test
  void watcherInformationPackagesReportOnSubscriptionsOthersDoNot() {
    assertThat(EventPackage.PRESENCE_WINFO.reportsOnSubscriptions()).isTrue();
    assertThat(new EventPackage("dialog.WINFO", List.of("application/watcherinfo+xml"), false).reportsOnSubscriptions())
        .as("the winfo template applied to another package").isTrue();
    assertThat(EventPackage.PRESENCE.reportsOnSubscriptions()).isFalse();
    assertThat(new EventPackage("message-summary", List.of("application/simple-message-summary"), false)
        .reportsOnSubscriptions()).isFalse();
  }

  @Test
  void findsNothingForUnknownOrMissingNames() {
    assertThat(packages.find("dialog")).isEmpty();
    assertThat(packages.find("")).isEmpty();
    assertThat(packages.find(null)).isEmpty();
  }

  @Test
  void namesListsThePackagesInOrder() {
    assertThat(packages.names()).containsExactly("presence", "presence.winfo");
  }

  @Test
  void presenceIsPublishablePidf() {
    assertThat(EventPackage.PRESENCE.defaultContentType()).isEqualTo("application/pidf+xml");
    assertThat(EventPackage.PRESENCE.publishable()).isTrue();
  }

  @Test
  void aPackageNeedsANameAndABodyType() {
    assertThatIllegalArgumentException().isThrownBy(() -> new EventPackage(" ", List.of("text/plain"), false));
    assertThatIllegalArgumentException().isThrownBy(() -> new EventPackage("x", List.of(), false));
  }
}
