package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.text.vocabulary.Language;
import dev.nightshift.inbox.extraction.text.vocabulary.Term;
import dev.nightshift.inbox.extraction.text.vocabulary.Vocabulary;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The labels of every language, compiled: one pattern per term across the six languages, since a
 * document may mix them (a German invoice that says "Total"), and one per language to guess which
 * language a document is in.
 */
final class Labels {

  /** Where a label was found on a line. */
  record Hit(Term term, int start, int end) {

    int length() {
      return end - start;
    }
  }

  static final Labels ALL = new Labels(Vocabulary.ALL);

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private final Map<Term, Pattern> byTerm = new EnumMap<>(Term.class);
  private final Map<Language, Pattern> byLanguage = new EnumMap<>(Language.class);

  private Labels(List<Vocabulary> vocabularies) {
    for (Term term : Term.values()) {
      byTerm.put(
          term, compile(vocabularies.stream().flatMap(v -> v.labels(term).stream()).toList()));
    }
    for (Vocabulary vocabulary : vocabularies) {
      byLanguage.put(
          vocabulary.language(),
          compile(vocabulary.labels().values().stream().flatMap(List::stream).toList()));
    }
  }

  /** Every hit of the term on the line, left to right; at one place the longest label wins. */
  List<Hit> find(Term term, String line) {
    var hits = new ArrayList<Hit>();
    var matcher = byTerm.get(term).matcher(fold(line));
    while (matcher.find()) {
      hits.add(new Hit(term, matcher.start(), matcher.end()));
    }
    return hits;
  }

  Optional<Hit> first(Term term, String line) {
    return find(term, line).stream().findFirst();
  }

  boolean has(Term term, String line) {
    return byTerm.get(term).matcher(fold(line)).find();
  }

  /** The hit that starts the line, for labels such as "From:" that mean little elsewhere. */
  Optional<Hit> atStart(Term term, String line) {
    return first(term, line).filter(hit -> line.substring(0, hit.start()).isBlank());
  }

  /**
   * Hits of several terms on one line, left to right; where two overlap the longer is kept, so that
   * "Fecha de vencimiento" is a due date and not the invoice date's bare "Fecha".
   */
  List<Hit> findAll(String line, Term... terms) {
    var hits = new ArrayList<Hit>();
    for (Term term : terms) {
      hits.addAll(find(term, line));
    }
    hits.sort(Comparator.comparingInt(Hit::length).reversed());
    var kept = new ArrayList<Hit>();
    for (Hit hit : hits) {
      if (kept.stream().noneMatch(k -> k.start() < hit.end() && hit.start() < k.end())) {
        kept.add(hit);
      }
    }
    kept.sort(Comparator.comparingInt(Hit::start));
    return kept;
  }

  /** The language with the most label hits; English when nothing is recognised. */
  Language language(List<String> lines) {
    var text = fold(String.join("\n", lines));
    Language best = Language.ENGLISH;
    long bestCount = 0;
    for (var entry : byLanguage.entrySet()) {
      long count = entry.getValue().matcher(text).results().count();
      if (count > bestCount) {
        best = entry.getKey();
        bestCount = count;
      }
    }
    return best;
  }

  /**
   * The text without accents, letter for letter, so that positions stay valid in the original: OCR
   * drops accents now and then ("A payer avant le"), and people type labels without them.
   */
  static String fold(String text) {
    var folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      folded.append(
          c < 128 ? c : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
    }
    return folded.toString();
  }

  private static Pattern compile(List<String> labels) {
    // Longest first: the alternation takes the first alternative that matches at a place.
    return Pattern.compile(
        labels.stream()
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Labels::fold)
            .map(Labels::regex)
            .collect(Collectors.joining("|")),
        FLAGS);
  }

  private static String regex(String label) {
    boolean startsPhrase = label.startsWith("^");
    String words =
        java.util.Arrays.stream((startsPhrase ? label.substring(1) : label).split(" "))
            .map(Pattern::quote)
            .collect(Collectors.joining("\\s+"));
    String notAfterWord = startsPhrase ? "(?<!\\p{L}\\s{1,3})" : "";
    return "(?:" + notAfterWord + "(?<![\\p{L}\\p{N}])" + words + "(?!\\p{L}))";
  }
}
