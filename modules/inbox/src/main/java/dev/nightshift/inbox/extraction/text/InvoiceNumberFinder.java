package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.text.vocabulary.Term;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The invoice or receipt number: the first token with a digit after its label. */
final class InvoiceNumberFinder {

  private static final double LABELLED = 0.85;
  private static final Pattern VALUE =
      Pattern.compile("^[\\s:.#°º№-]*([\\p{L}\\p{N}][\\p{L}\\p{N}\\-/_.]*)");

  private final Labels labels = Labels.ALL;

  Optional<Extracted<String>> find(List<String> lines, Provenance provenance) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      for (Labels.Hit hit : labels.find(Term.INVOICE_NUMBER, line)) {
        String rest = line.substring(hit.end());
        var value = value(rest);
        if (value.isEmpty() && rest.isBlank() && i + 1 < lines.size()) {
          value = value(lines.get(i + 1));
        }
        if (value.isPresent()) {
          return value.map(v -> provenance.found(v, "invoice-number-label", LABELLED));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> value(String text) {
    var matcher = VALUE.matcher(text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String token = matcher.group(1).replaceAll("[-/_.]+$", "");
    return token.chars().anyMatch(Character::isDigit) ? Optional.of(token) : Optional.empty();
  }
}
