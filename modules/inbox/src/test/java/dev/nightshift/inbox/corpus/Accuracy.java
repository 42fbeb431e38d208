package dev.nightshift.inbox.corpus;

import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.text.vocabulary.Language;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Field-by-field accuracy of extractions against the ground truth, per language, with the misses
 * kept for reading. A field whose truth is absent (a receipt's due date) is not scored.
 */
public final class Accuracy {

  /** A scored field: how to read it from both sides and when they agree. */
  public enum Field {
    KIND(GroundTruth::kind, Extraction::kind, Objects::equals),
    TOTAL(GroundTruth::total, Extraction::total, Accuracy::sameAmount),
    CURRENCY(GroundTruth::currency, Extraction::currency, Objects::equals),
    INVOICE_DATE(GroundTruth::invoiceDate, Extraction::invoiceDate, Objects::equals),
    DUE_DATE(GroundTruth::dueDate, Extraction::dueDate, Objects::equals),
    INVOICE_NUMBER(GroundTruth::invoiceNumber, Extraction::invoiceNumber, Accuracy::sameText),
    VENDOR(GroundTruth::vendor, Extraction::vendor, Accuracy::sameText),
    TAX(GroundTruth::taxAmount, Extraction::taxAmount, Accuracy::sameAmount);

    final Function<GroundTruth, Object> truth;
    final Function<Extraction, Extracted<?>> found;
    final BiPredicate<Object, Object> same;

    Field(
        Function<GroundTruth, Object> truth,
        Function<Extraction, Extracted<?>> found,
        BiPredicate<Object, Object> same) {
      this.truth = truth;
      this.found = found;
      this.same = same;
    }
  }

  private final Map<Language, Map<Field, int[]>> counts = new EnumMap<>(Language.class);
  private final List<String> misses = new ArrayList<>();

  public void score(GroundTruth truth, Extraction extraction) {
    var byField = counts.computeIfAbsent(truth.language(), l -> new EnumMap<>(Field.class));
    for (Field field : Field.values()) {
      Object expected = field.truth.apply(truth);
      if (expected == null) {
        continue;
      }
      Extracted<?> found = field.found.apply(extraction);
      Object actual = found == null ? null : found.value();
      int[] count = byField.computeIfAbsent(field, f -> new int[2]);
      count[1]++;
      if (actual != null && field.same.test(expected, actual)) {
        count[0]++;
      } else {
        misses.add(truth.id() + " " + field + ": expected " + expected + ", found " + actual);
      }
    }
  }

  /** Right answers over scored ones, all languages together. */
  public double of(Field field) {
    int right = 0;
    int all = 0;
    for (var byField : counts.values()) {
      int[] count = byField.getOrDefault(field, new int[2]);
      right += count[0];
      all += count[1];
    }
    return all == 0 ? 1 : (double) right / all;
  }

  public List<String> misses() {
    return List.copyOf(misses);
  }

  /** A Markdown table: a row per language and one for all, a column per field. */
  public String table() {
    var out = new StringBuilder("| language |");
    for (Field field : Field.values()) {
      out.append(' ').append(field.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" |");
    }
    out.append("\n|---|").append("---:|".repeat(Field.values().length)).append('\n');
    var rows = new TreeMap<String, Map<Field, int[]>>();
    counts.forEach(
        (language, byField) -> rows.put(language.name().toLowerCase(Locale.ROOT), byField));
    rows.forEach((name, byField) -> row(out, name, byField));
    var all = new EnumMap<Field, int[]>(Field.class);
    for (var byField : counts.values()) {
      byField.forEach(
          (f, c) -> {
            int[] sum = all.computeIfAbsent(f, x -> new int[2]);
            sum[0] += c[0];
            sum[1] += c[1];
          });
    }
    row(out, "**all**", all);
    return out.toString();
  }

  private static void row(StringBuilder out, String name, Map<Field, int[]> byField) {
    out.append("| ").append(name).append(" |");
    for (Field field : Field.values()) {
      int[] c = byField.getOrDefault(field, new int[2]);
      out.append(c[1] == 0 ? " – |" : String.format(Locale.ROOT, " %.1f%% |", 100.0 * c[0] / c[1]));
    }
    out.append('\n');
  }

  private static boolean sameAmount(Object expected, Object actual) {
    return ((BigDecimal) expected).compareTo((BigDecimal) actual) == 0;
  }

  private static boolean sameText(Object expected, Object actual) {
    return normal(expected).equals(normal(actual));
  }

  private static String normal(Object text) {
    return text.toString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
