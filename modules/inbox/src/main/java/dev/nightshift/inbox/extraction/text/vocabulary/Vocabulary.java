package dev.nightshift.inbox.extraction.text.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * One language's labels and month names, as data. Labels are lower case; words inside a label match
 * any run of white space. A label written with a leading {@code ^} must not follow another word, so
 * that "^date" finds "Date: 01.03.2024" but not "Delivery date".
 *
 * @param months month names and their usual abbreviations, lower case, to the month's number
 */
public record Vocabulary(
    Language language, Map<Term, List<String>> labels, Map<String, Integer> months) {

  public static final List<Vocabulary> ALL =
      List.of(
          English.VOCABULARY,
          German.VOCABULARY,
          French.VOCABULARY,
          Spanish.VOCABULARY,
          Swedish.VOCABULARY,
          Dutch.VOCABULARY);

  public Vocabulary {
    labels = Map.copyOf(labels);
    months = Map.copyOf(months);
  }

  public List<String> labels(Term term) {
    return labels.getOrDefault(term, List.of());
  }

  /** Month names from twelve lists of spellings, January first. */
  static Map<String, Integer> months(List<List<String>> spellings) {
    var months = new java.util.HashMap<String, Integer>();
    for (int i = 0; i < spellings.size(); i++) {
      for (String spelling : spellings.get(i)) {
        months.put(spelling, i + 1);
      }
    }
    return months;
  }
}
