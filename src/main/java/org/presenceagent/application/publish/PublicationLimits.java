package org.presenceagent.application.publish;

/**
 * How much one presentity may publish per event package: every publication is composed into each
 * NOTIFY to each watcher and parsed again at start-up, so their number and size are what a client
 * would otherwise multiply ({@code max_publications}, {@code max_composed_size}).
 *
 * @param maxPublications most live publications per presentity and event package
 * @param maxComposedBytes most bytes of their documents together
 */
public record PublicationLimits(int maxPublications, long maxComposedBytes) {

  /** No limits (tests of other behaviour). */
  public static final PublicationLimits NONE = new PublicationLimits(Integer.MAX_VALUE, Long.MAX_VALUE);

  public PublicationLimits {
    if (maxPublications <= 0 || maxComposedBytes <= 0) {
      throw new IllegalArgumentException("publication limits must be positive");
    }
  }
}
