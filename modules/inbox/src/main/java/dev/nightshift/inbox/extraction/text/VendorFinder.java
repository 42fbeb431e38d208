package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.text.vocabulary.Term;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The issuer, never the customer. In order: the name after a "From:" label; a company name with a
 * legal suffix (GmbH, AB, B.V., SARL, S.L., Ltd, Inc...) in the header, then anywhere; the first
 * line that is a name. The customer's block (a "Bill to" label and the lines under it) and bank
 * lines are skipped, since customers and banks have legal suffixes too.
 */
final class VendorFinder {

  private static final int HEADER_LINES = 6;
  private static final int CUSTOMER_BLOCK_LINES = 4;
  private static final double FROM_LABEL = 0.8;
  private static final double SUFFIX_IN_HEADER = 0.75;
  private static final double SUFFIX_ELSEWHERE = 0.6;
  private static final double FIRST_LINE = 0.45;

  // Case-sensitive: "AB" and "SA" are suffixes, "ab" and "sa" are words.
  private static final Pattern SUFFIX =
      Pattern.compile(
          "(?<![\\p{L}])(GmbH & Co\\. KG|GmbH|AG|KG|UG|e\\.K\\.|AB|HB|B\\.V\\.|BV|N\\.V\\.|NV|"
              + "S\\.A\\.R\\.L\\.|SARL|S\\.A\\.S\\.|SAS|S\\.A\\.|SA|S\\.L\\.U\\.|S\\.L\\.|SL|"
              + "Ltd\\.?|Limited|LLC|Inc\\.?|Corp\\.?|PLC|plc|Oy|ApS|A/S|ASA|AS|GbR|VOF|EURL|SNC)"
              + "(?![\\p{L}])");
  // What ends the text before a name on its line: a label's colon, a column gap, a separator.
  private static final Pattern BEFORE_NAME = Pattern.compile(".*(?::|\\s{2,}|\\s[·|•–]\\s|\\|)");
  private static final Pattern AFTER_NAME = Pattern.compile("\\s*(?:,|\\s{2,}|\\s[·|•–]\\s|\\|).*");
  private static final Pattern BANK =
      Pattern.compile("(?i)(?<![\\p{L}])(iban|bic|swift|bank|bankgiro|plusgiro)(?![\\p{L}])");

  // Words that make a line a label or a title; not those that also occur in shop names ("Bar").
  private static final List<Term> NOT_A_NAME =
      List.of(
          Term.STRONG_TOTAL,
          Term.TOTAL,
          Term.TAX_ID,
          Term.INVOICE_DATE,
          Term.DUE_DATE,
          Term.INVOICE_NUMBER,
          Term.CUSTOMER,
          Term.INVOICE_WORD,
          Term.RECEIPT_WORD,
          Term.OTHER_WORD);

  private final Labels labels = Labels.ALL;

  Optional<Extracted<String>> find(List<String> lines, Provenance provenance) {
    Set<Integer> customer = customerBlock(lines);
    return fromLabel(lines, customer)
        .map(name -> provenance.found(name, "vendor-from-label", FROM_LABEL))
        .or(() -> withSuffix(lines, customer, provenance))
        .or(
            () ->
                firstLine(lines, customer)
                    .map(n -> provenance.found(n, "vendor-first-line", FIRST_LINE)));
  }

  private Optional<String> fromLabel(List<String> lines, Set<Integer> customer) {
    for (int i = 0; i < lines.size(); i++) {
      var hit = labels.atStart(Term.FROM, lines.get(i));
      if (hit.isEmpty() || customer.contains(i)) {
        continue;
      }
      String rest = lines.get(i).substring(hit.get().end());
      // Only "From:" with its colon: Dutch names begin with "Van" and "De", French ones with "De".
      if (!rest.stripLeading().startsWith(":")) {
        continue;
      }
      rest = rest.replaceFirst("^[\\s:]+", "");
      if (rest.isEmpty() && i + 1 < lines.size()) {
        rest = lines.get(i + 1);
      }
      var name = name(rest);
      if (name.isPresent()) {
        return name;
      }
    }
    return Optional.empty();
  }

  private Optional<Extracted<String>> withSuffix(
      List<String> lines, Set<Integer> customer, Provenance provenance) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (customer.contains(i) || BANK.matcher(line).find()) {
        continue;
      }
      var suffix = SUFFIX.matcher(line);
      if (suffix.find()) {
        String before = afterLabels(line.substring(0, suffix.start()));
        before = BEFORE_NAME.matcher(before).replaceFirst("");
        var name = clean(before + line.substring(suffix.start(), suffix.end()));
        if (name.length() > suffix.group().length()) {
          return Optional.of(
              i < HEADER_LINES
                  ? provenance.found(name, "vendor-legal-suffix", SUFFIX_IN_HEADER)
                  : provenance.found(name, "vendor-legal-suffix", SUFFIX_ELSEWHERE));
        }
      }
    }
    return Optional.empty();
  }

  /** The first header line that reads as a name: letters, no label, no amount, no date. */
  private Optional<String> firstLine(List<String> lines, Set<Integer> customer) {
    for (int i = 0; i < Math.min(HEADER_LINES, lines.size()); i++) {
      String line = lines.get(i);
      if (customer.contains(i) || hasAnyLabel(line) || !Amounts.in(line).isEmpty()) {
        continue;
      }
      long letters = line.chars().filter(Character::isLetter).count();
      long digits = line.chars().filter(Character::isDigit).count();
      if (letters >= 3 && digits * 3 < letters) {
        return name(line);
      }
    }
    return Optional.empty();
  }

  /** The text after the last label or title, which a name in the same line follows. */
  private String afterLabels(String text) {
    int end = 0;
    for (Term term : NOT_A_NAME) {
      for (Labels.Hit hit : labels.find(term, text)) {
        end = Math.max(end, hit.end());
      }
    }
    return text.substring(end);
  }

  private boolean hasAnyLabel(String line) {
    for (Term term : NOT_A_NAME) {
      if (labels.has(term, line)) {
        return true;
      }
    }
    return false;
  }

  private Set<Integer> customerBlock(List<String> lines) {
    var block = new HashSet<Integer>();
    for (int i = 0; i < lines.size(); i++) {
      if (labels.has(Term.CUSTOMER, lines.get(i))) {
        for (int j = i; j < Math.min(lines.size(), i + CUSTOMER_BLOCK_LINES); j++) {
          block.add(j);
        }
      }
    }
    return block;
  }

  private static Optional<String> name(String text) {
    var suffix = SUFFIX.matcher(text);
    String name =
        suffix.find() ? text.substring(0, suffix.end()) : AFTER_NAME.matcher(text).replaceFirst("");
    name = clean(name);
    return name.chars().filter(Character::isLetter).count() >= 2
        ? Optional.of(name)
        : Optional.empty();
  }

  private static String clean(String name) {
    return name.replaceAll("\\s+", " ").replaceAll("^[^\\p{L}\\p{N}]+|[\\s,;:]+$", "");
  }
}
