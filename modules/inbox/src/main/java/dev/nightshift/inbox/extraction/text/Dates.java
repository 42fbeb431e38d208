package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.text.vocabulary.Vocabulary;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Reads dates: 2024-03-15, 15.03.2024, 15/03/2024 (03/15/2024 on American documents), 15-03-2024,
 * 15 March 2024, 15. März 2024, 15 de marzo de 2024, 1er mars 2024 and March 15, 2024, with the
 * month names of all six languages. A numeric date that cannot be read day first is read month
 * first, and the other way round.
 */
final class Dates {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern ISO =
      Pattern.compile("(?<![\\d.,])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d]|[.,]\\d)");
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\d.,/-])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d]|[.,]\\d)");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<![\\d.,])(\\d{1,2})(?:\\.|er|st|nd|rd|th|e)?\\s*(?:de\\s+)?(\\p{L}{3,10})\\.?,?\\s+"
              + "(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)",
          FLAGS);
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "(?<!\\p{L})(\\p{L}{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)",
          FLAGS);

  static final Dates ALL = new Dates(Vocabulary.ALL);

  private final Map<String, Integer> months = new HashMap<>();

  private Dates(List<Vocabulary> vocabularies) {
    vocabularies.forEach(v -> months.putAll(v.months()));
  }

  /**
   * The dates on a line, left to right.
   *
   * @param monthFirst read 03/04/2024 as March 4, as American documents mean it
   */
  List<FoundDate> in(String line, boolean monthFirst) {
    var found = new ArrayList<FoundDate>();
    ISO.matcher(line)
        .results()
        .forEach(m -> date(num(m, 1), num(m, 3), num(m, 4)).ifPresent(d -> add(found, d, m)));
    NUMERIC
        .matcher(line)
        .results()
        .forEach(m -> numeric(m, monthFirst).ifPresent(d -> add(found, d, m)));
    DAY_MONTH_YEAR
        .matcher(line)
        .results()
        .forEach(
            m ->
                month(m.group(2))
                    .flatMap(mo -> date(num(m, 3), mo, num(m, 1)))
                    .ifPresent(d -> add(found, d, m)));
    MONTH_DAY_YEAR
        .matcher(line)
        .results()
        .forEach(
            m ->
                month(m.group(1))
                    .flatMap(mo -> date(num(m, 3), mo, num(m, 2)))
                    .ifPresent(d -> add(found, d, m)));
    found.sort(Comparator.comparingInt(FoundDate::start));
    return found;
  }

  private static Optional<LocalDate> numeric(MatchResult m, boolean monthFirst) {
    int first = num(m, 1);
    int second = num(m, 3);
    int printed = num(m, 4);
    int year = printed < 100 ? 2000 + printed : printed;
    boolean american = monthFirst && m.group(2).equals("/");
    return american
        ? date(year, first, second).or(() -> date(year, second, first))
        : date(year, second, first).or(() -> date(year, first, second));
  }

  private Optional<Integer> month(String name) {
    return Optional.ofNullable(months.get(name.toLowerCase(Locale.ROOT)));
  }

  private static void add(List<FoundDate> found, LocalDate date, MatchResult m) {
    if (found.stream().noneMatch(f -> f.start() < m.end() && m.start() < f.end())) {
      found.add(new FoundDate(date, m.start(), m.end()));
    }
  }

  private static int num(MatchResult m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static Optional<LocalDate> date(int year, int month, int day) {
    if (year < 1990 || year > 2100) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
