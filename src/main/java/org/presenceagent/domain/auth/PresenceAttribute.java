package org.presenceagent.domain.auth;

/**
 * The presence attributes a rule grants one by one with a boolean {@code provide-*} element (RFC
 * 5025 section 3.3.2); {@code provide-user-input} has levels ({@link UserInputLevel}) and {@code
 * provide-unknown-attribute} names its element ({@link UnknownAttribute}). Each constant names
 * the element that grants it and the RPID (RFC 4480) or data-model (RFC 4479) element it shows.
 */
public enum PresenceAttribute {
  ACTIVITIES("provide-activities", "activities"),
  CLASS("provide-class", "class"),
  DEVICE_ID("provide-deviceID", "deviceID"),
  MOOD("provide-mood", "mood"),
  PLACE_IS("provide-place-is", "place-is"),
  PLACE_TYPE("provide-place-type", "place-type"),
  PRIVACY("provide-privacy", "privacy"),
  RELATIONSHIP("provide-relationship", "relationship"),
  STATUS_ICON("provide-status-icon", "status-icon"),
  SPHERE("provide-sphere", "sphere"),
  TIME_OFFSET("provide-time-offset", "time-offset"),
  NOTE("provide-note", "note");

  private final String permission;
  private final String element;

  PresenceAttribute(String permission, String element) {
    this.permission = permission;
    this.element = element;
  }

  /** The local name of the pres-rules element granting it. */
  public String permission() {
    return permission;
  }

  /** The local name of the presence element it shows. */
  public String element() {
    return element;
  }
}
