package org.presenceagent.testing;

import java.util.ArrayList;
import java.util.List;
import org.presenceagent.application.publish.PublishResponder;
import org.presenceagent.application.publish.PublishResult;
import org.presenceagent.application.subscribe.SubscribeResponder;

/** Responders that write what they were asked to do into one shared event list. */
public final class RecordingResponders {

  private RecordingResponders() {}

  /** A SUBSCRIBE responder with a fixed local tag. */
  public static final class Subscribe implements SubscribeResponder, Rejections.Rejectable {

    public final List<String> events;
    public boolean accepted;
    public boolean pending;
    public long expires = -1;
    /** The To tag the container would give the dialog. */
    public String tag = "our-tag";

    public Subscribe(List<String> events) {
      this.events = events;
    }

    public Subscribe() {
      this(new ArrayList<>());
    }

    @Override
    public String localTag() {
      events.add("localTag");
      return tag;
    }

    @Override
    public void accept(boolean pending, long expiresSeconds) {
      events.add("accept(pending=" + pending + ", expires=" + expiresSeconds + ")");
      this.accepted = true;
      this.pending = pending;
      this.expires = expiresSeconds;
    }

    /** The failure the SUBSCRIBE was rejected with, null while it was not. */
    public RuntimeException rejection;

    @Override
    public RuntimeException rejection() {
      return rejection;
    }

    @Override
    public void reject(RuntimeException failure) {
      events.add("reject");
      this.rejection = failure;
    }
  }

  /** A PUBLISH responder that keeps the results. */
  public static final class Publish implements PublishResponder, Rejections.Rejectable {

    public final List<String> events;
    public final List<PublishResult> results = new ArrayList<>();

    public Publish(List<String> events) {
      this.events = events;
    }

    public Publish() {
      this(new ArrayList<>());
    }

    @Override
    public void accept(PublishResult result) {
      events.add("accept");
      results.add(result);
    }

    /** The failure the PUBLISH was rejected with, null while it was not. */
    public RuntimeException rejection;

    @Override
    public RuntimeException rejection() {
      return rejection;
    }

    @Override
    public void reject(RuntimeException failure) {
      events.add("reject");
      this.rejection = failure;
    }

    public PublishResult last() {
      if (results.isEmpty()) {
        throw new AssertionError("the PUBLISH was not answered");
      }
      return results.get(results.size() - 1);
    }
  }
}
