package org.presenceagent.document;

/**
 * A deviation from RFC 3863 that the lenient reading of published PIDF repairs instead of refusing
 * the document ({@code docs/document-formats.md}, "Lenient reading"). Each one concerns a value
 * that is optional or a mere label, so the repaired document says nothing the publisher did not
 * say; what cannot be repaired that way is still refused ({@link PidfValidator}).
 *
 * <p>The {@linkplain #tag() tag} names the deviation in the metric of repaired documents; the
 * {@linkplain #refusal() refusal} is the reason phrase of a reading that repairs nothing (XCAP).
 */
public enum Deviation {

  /**
   * A {@code <basic>} that is neither {@code open} nor {@code closed} in any spelling (baresip
   * 1.0.0 publishes {@code unknown} until it has registered, earlier versions {@code unkown}). It
   * is dropped: {@code <basic>} is optional and its absence means that the status is not known
   * (RFC 3863 section 4.1.4), which is what the publisher meant.
   */
  BASIC_UNKNOWN("basic-unknown", "basic must be open or closed", "dropped"),

  /**
   * {@code open} or {@code closed} in another letter case or with white space around it (a
   * pretty-printed document). Rewritten as the RFC 3863 section 4.1.4 value: watchers that compare
   * the text exactly (baresip matches {@code <basic>open</basic>}) would otherwise miss it.
   */
  BASIC_SPELLING("basic-spelling", "basic must be open or closed", "rewritten"),

  /**
   * A contact {@code priority} that is not a decimal between 0 and 1 (RFC 3863 section 4.1.5). The
   * attribute is optional and only orders tuples, so it is dropped and the tuple is ordered last.
   */
  PRIORITY_INVALID("priority-invalid", "contact priority must be a number between 0 and 1", "dropped"),

  /**
   * A tuple {@code <timestamp>} that is not an {@code xs:dateTime} (RFC 3863 section 4.1.7). It
   * is optional and informational, so it is dropped.
   */
  TIMESTAMP_INVALID("timestamp-invalid", "timestamp is not a date and time", "dropped"),

  /**
   * A tuple id that is not an XML name, so not the {@code xs:ID} RFC 3863 section 4.1.2 requires
   * (PJSIP before 1.4 wrote numeric ids, which strict watchers refuse). The id is only a label, so
   * it is replaced by the nearest valid one ({@code 32} becomes {@code t32}), unique in the document.
   */
  TUPLE_ID_NOT_A_NAME("tuple-id-not-a-name", "tuple id is not an XML name", "renamed");

  private final String tag;
  private final String refusal;
  private final String repair;

  Deviation(String tag, String refusal, String repair) {
    this.tag = tag;
    this.refusal = refusal;
    this.repair = repair;
  }

  /** A short, stable name for metrics and logs, e.g. {@code basic-unknown}. */
  public String tag() {
    return tag;
  }

  /** Why a reading that repairs nothing refuses the document ("Invalid PIDF: " + this). */
  String refusal() {
    return refusal;
  }

  /** What was done: dropped, rewritten or renamed. */
  String repair() {
    return repair;
  }
}
