package org.presenceagent.application.identity;

/** A change of the subscriber store that cannot be made, with why (the front ends answer 4xx). */
public final class SubscriberRejectedException extends RuntimeException {

  /** What kind of refusal. */
  public enum Kind {
    /** No such subscriber (404). */
    NOT_FOUND,
    /** The subscriber exists, or is configured by a parameter or file and so read-only (409). */
    CONFLICT,
    /** Bad input: an empty password, a foreign domain (400). */
    INVALID
  }

  private final Kind kind;

  public SubscriberRejectedException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
