package dev.nightshift.inbox.extraction;

/**
 * One extracted value with where it came from and how sure its extractor is.
 *
 * @param source the strategy and, where useful, the rule that found it, such as {@code
 *     pdf-text:total-label} or {@code e-invoice:cii}
 * @param confidence from 0 (a guess) to 1 (read from a structured field)
 */
public record Extracted<T>(T value, String source, double confidence) {

  public Extracted {
    if (value == null) {
      throw new IllegalArgumentException("an extracted value is never null: leave the field out");
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must lie in [0, 1]: " + confidence);
    }
  }

  /** The more confident of two findings; on a tie the first, which the chain tried earlier. */
  static <T> Extracted<T> better(Extracted<T> first, Extracted<T> second) {
    if (first == null) {
      return second;
    }
    if (second == null) {
      return first;
    }
    return second.confidence() > first.confidence() ? second : first;
  }
}
