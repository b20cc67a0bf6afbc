package org.presenceagent.domain.event;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the body type of a subscription's NOTIFYs from the subscriber's {@code Accept} header
 * (RFC 6665 section 4.2.1.1 and 8.3.1 defer to RFC 3261 section 20.1 and RFC 2616 section 14.1).
 *
 * <p>Each type we can produce gets the quality of the most specific range that matches it (none:
 * not acceptable). The highest quality wins. Ties go to the type the subscriber listed first,
 * because old clients (Windows Messenger lists {@code application/xpidf+xml} before PIDF) rely on
 * list order as SER's {@code pa} honoured it; a tie between types matched by the same wildcard
 * goes to our own order of preference.
 */
final class ContentNegotiation {

  private ContentNegotiation() {}

  /**
   * @param producible the types we can produce, preferred first
   * @param accepted the ranges of all Accept headers, in the order received
   * @return the chosen type, empty when none is acceptable (a 406)
   */
  static Optional<String> choose(List<String> producible, List<MediaRange> accepted) {
    Comparator<Candidate> best = Comparator.comparingDouble(Candidate::quality).reversed()
        .thenComparingInt(Candidate::acceptPosition)
        .thenComparingInt(Candidate::ourPosition);
    Optional<Candidate> chosen = Optional.empty();
    for (int ours = 0; ours < producible.size(); ours++) {
      Optional<Candidate> candidate = rate(producible.get(ours), ours, accepted);
      if (candidate.isPresent() && (chosen.isEmpty() || best.compare(candidate.get(), chosen.get()) < 0)) {
        chosen = candidate;
      }
    }
    return chosen.map(Candidate::mediaType);
  }

  private static Optional<Candidate> rate(String mediaType, int ourPosition, List<MediaRange> accepted) {
    MediaRange decisive = null;
    int position = -1;
    for (int i = 0; i < accepted.size(); i++) {
      MediaRange range = accepted.get(i);
      if (range.matches(mediaType) && (decisive == null || range.specificity() > decisive.specificity())) {
        decisive = range;
        position = i;
      }
    }
    if (decisive == null || decisive.quality() == 0) {
      return Optional.empty();
    }
    return Optional.of(new Candidate(mediaType, decisive.quality(), position, ourPosition));
  }

  private record Candidate(String mediaType, double quality, int acceptPosition, int ourPosition) {}
}
