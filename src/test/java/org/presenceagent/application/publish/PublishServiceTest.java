package org.presenceagent.application.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.CAROL;
import static org.presenceagent.testing.Commands.initialPublish;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.modify;
import static org.presenceagent.testing.Commands.subscribe;
import static org.presenceagent.testing.Commands.withoutBody;
import static org.presenceagent.testing.Rejections.rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.port.Notification;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.RequestId;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.Pidf;
import org.presenceagent.testing.RecordingResponders;

class PublishServiceTest {

  private static final byte[] PHONE_OPEN = Pidf.tuple("sip:alice@example.com", "phone", "open");
  private static final byte[] PHONE_CLOSED = Pidf.tuple("sip:alice@example.com", "phone", "closed");
  private static final byte[] LAPTOP_OPEN = Pidf.tuple("sip:alice@example.com", "laptop", "open");

  /** Bob is authorized to watch Alice, Carol is pending. */
  private final ApplicationHarness app =
      new ApplicationHarness((watcher, presentity) -> watcher.equals(CAROL) ? SubHandling.CONFIRM : SubHandling.ALLOW);
  private final PublishService service = app.publishService();
  private final List<String> events = new ArrayList<>();
  private final RecordingResponders.Publish responder = new RecordingResponders.Publish(events);

  @BeforeEach
  void bobAndCarolWatchAlice() {
    app.subscribeService().subscribe(subscribe("bob-call", BOB, ALICE, 3600), new RecordingResponders.Subscribe());
    app.subscribeService().subscribe(subscribe("carol-call", CAROL, ALICE, 3600), new RecordingResponders.Subscribe());
    app.sender.clear();
    app.sender.onSend(notification -> events.add("notify " + notification.key().callId()));
  }

  private ETag publish(byte[] pidf) {
    RecordingResponders.Publish publishResponder = new RecordingResponders.Publish();
    service.publish(initialPublish(ALICE, pidf, 600), publishResponder);
    return publishResponder.last().etag();
  }

  private static String body(Notification notification) {
    return new String(notification.body().orElseThrow().bytes(), UTF_8);
  }

  @Test
  void anInitialPublicationIsStoredAnsweredThenSentToActiveWatchersOnly() {
    service.publish(initialPublish(ALICE, PHONE_OPEN, 600), responder);

    assertThat(events).containsExactly("accept", "notify bob-call");
    PublishResult result = responder.last();
    assertThat(result.expiresSeconds()).isEqualTo(600);
    assertThat(app.publications.find(result.etag())).hasValueSatisfying(
        publication -> assertThat(publication.presentity()).isEqualTo(ALICE));
    assertThat(app.scheduler.find("publication:" + result.etag().value())).isPresent();
    assertThat(app.sender.sent()).singleElement().satisfies(notify -> {
      assertThat(notify.key()).isEqualTo(key("bob-call"));
      assertThat(body(notify)).contains("phone").contains("open");
    });
  }

  @Test
  void aRetransmittedInitialPublishIsAnsweredAgainWithoutASecondPublication() {
    PublishCommand first = withRequest(initialPublish(ALICE, PHONE_OPEN, 600), new RequestId("pub-call", 1));
    service.publish(first, responder);
    ETag etag = responder.last().etag();
    app.sender.clear();

    RecordingResponders.Publish again = new RecordingResponders.Publish();
    service.publish(first, again);

    assertThat(again.last().etag()).isEqualTo(etag);
    assertThat(app.publications.findByPresentity(ALICE, "presence")).singleElement()
        .satisfies(publication -> assertThat(publication.etag()).isEqualTo(etag));
    assertThat(app.sender.sent()).as("nothing changed, nobody is told").isEmpty();
  }

  @Test
  void aRetransmittedModificationIsAnsweredWithTheEntityTagItAlreadyProduced() {
    service.publish(withRequest(initialPublish(ALICE, PHONE_OPEN, 600), new RequestId("pub-call", 1)), responder);
    PublishCommand modification =
        withRequest(modify(ALICE, responder.last().etag(), PHONE_CLOSED, 600), new RequestId("pub-call", 2));
    service.publish(modification, responder);
    ETag modified = responder.last().etag();

    RecordingResponders.Publish again = new RecordingResponders.Publish();
    service.publish(modification, again);

    assertThat(again.last().etag()).as("not 412 for the tag it replaced").isEqualTo(modified);
  }

  @Test
  void anotherRequestInTheSameCallIsNotARetransmission() {
    service.publish(withRequest(initialPublish(ALICE, PHONE_OPEN, 600), new RequestId("pub-call", 1)), responder);
    ETag first = responder.last().etag();

    service.publish(withRequest(initialPublish(ALICE, LAPTOP_OPEN, 600), new RequestId("pub-call", 2)), responder);

    assertThat(responder.last().etag()).isNotEqualTo(first);
    assertThat(app.publications.findByPresentity(ALICE, "presence")).hasSize(2);
  }

  private static PublishCommand withRequest(PublishCommand command, RequestId request) {
    return new PublishCommand(command.presentity(), command.event(), command.requestedExpires(), command.ifMatch(),
        command.body(), request);
  }

  @Test
  void anInitialPublicationWithoutBodyIsBadRequest() {
    PublishCommand noBody =
        new PublishCommand(ALICE, "presence", OptionalLong.of(600), Optional.empty(), Optional.empty());

    RequestRejectedException rejected = rejection(responder, () -> service.publish(noBody, responder));

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.reason()).containsIgnoringCase("body");
    assertThat(app.publications.findAll()).isEmpty();
    assertThat(events).as("only the rejection").containsExactly("reject");
  }

  @Test
  void anUnknownEtagIsConditionalRequestFailed() {
    RequestRejectedException rejected =
        rejection(responder, () -> service.publish(withoutBody(ALICE, new ETag("unknown"), 600), responder));

    assertThat(rejected.status()).isEqualTo(412);
    assertThat(events).as("only the rejection").containsExactly("reject");
  }

  @Test
  void theEtagOfAnotherPresentityIsConditionalRequestFailed() {
    RecordingResponders.Publish bobsResponder = new RecordingResponders.Publish();
    service.publish(initialPublish(BOB, Pidf.tuple("sip:bob@example.com", "desk", "open"), 600), bobsResponder);
    ETag bobsTag = bobsResponder.last().etag();

    RequestRejectedException rejected =
        rejection(responder, () -> service.publish(modify(ALICE, bobsTag, PHONE_OPEN, 600), responder));

    assertThat(rejected.status()).isEqualTo(412);
    assertThat(app.publications.find(bobsTag)).isPresent();
  }

  @Test
  void aRefreshGetsANewEtagAndNotifiesNobody() {
    ETag first = publish(PHONE_OPEN);
    app.clock.advanceSeconds(300);
    events.clear();

    service.publish(withoutBody(ALICE, first, 900), responder);

    ETag second = responder.last().etag();
    assertThat(second).isNotEqualTo(first);
    assertThat(responder.last().expiresSeconds()).isEqualTo(900);
    assertThat(app.publications.find(first)).isEmpty();
    assertThat(app.publications.find(second)).isPresent();
    assertThat(app.scheduler.find("publication:" + first.value())).isEmpty();
    assertThat(app.scheduler.find("publication:" + second.value())).isPresent();
    assertThat(events).containsExactly("accept");
  }

  @Test
  void aModificationGetsANewEtagAndSendsTheNewState() {
    ETag first = publish(PHONE_OPEN);
    events.clear();

    service.publish(modify(ALICE, first, PHONE_CLOSED, 600), responder);

    ETag second = responder.last().etag();
    assertThat(second).isNotEqualTo(first);
    assertThat(app.publications.findByPresentity(ALICE, "presence")).singleElement()
        .satisfies(publication -> assertThat(publication.etag()).isEqualTo(second));
    assertThat(events).containsExactly("accept", "notify bob-call");
    assertThat(body(app.sender.last())).contains("closed").doesNotContain("open");
  }

  @Test
  void aRemovalDeletesTheStateAndNotifies() {
    ETag etag = publish(PHONE_OPEN);
    events.clear();

    service.publish(withoutBody(ALICE, etag, 0), responder);

    assertThat(responder.last()).isEqualTo(new PublishResult(etag, 0));
    assertThat(app.publications.findAll()).isEmpty();
    assertThat(app.scheduler.find("publication:" + etag.value())).isEmpty();
    assertThat(events).containsExactly("accept", "notify bob-call");
    assertThat(body(app.sender.last())).contains("closed").doesNotContain("phone");
  }

  @Test
  void anUnsupportedContentTypeIs415WithAccept() {
    PublishCommand text = new PublishCommand(ALICE, "presence", OptionalLong.of(600), Optional.empty(),
        Optional.of(new PublishCommand.Body("text/plain", "online".getBytes(UTF_8))));

    RequestRejectedException rejected = rejection(responder, () -> service.publish(text, responder));

    assertThat(rejected.status()).isEqualTo(415);
    assertThat(rejected.headers()).containsEntry("Accept", "application/pidf+xml, application/cpim-pidf+xml");
    assertThat(app.publications.findAll()).isEmpty();
  }

  @Test
  void invalidXmlIsBadRequestWithAReason() {
    RequestRejectedException rejected = rejection(responder, () -> service.publish(initialPublish(ALICE, "<presence><tuple".getBytes(UTF_8), 600), responder));

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.reason()).isNotBlank().isNotEqualTo("Bad Request");
    assertThat(app.publications.findAll()).isEmpty();
    assertThat(events).as("only the rejection").containsExactly("reject");
  }

  @Test
  void twoPublicationsAreComposedForTheWatcher() {
    publish(PHONE_OPEN);

    service.publish(initialPublish(ALICE, LAPTOP_OPEN, 600), responder);

    assertThat(app.publications.findByPresentity(ALICE, "presence")).hasSize(2);
    assertThat(body(app.sender.last())).contains("\"phone\"").contains("\"laptop\"");
  }

  @Test
  void anExpiryBelowTheMinimumIsIntervalTooBrief() {
    RequestRejectedException rejected =
        rejection(responder, () -> service.publish(initialPublish(ALICE, PHONE_OPEN, 10), responder));

    assertThat(rejected.status()).isEqualTo(423);
    assertThat(rejected.headers()).containsEntry("Min-Expires", "60");
  }
}
