package dev.nightshift.inbox.extraction.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Currency signs and ISO 4217 codes. A code written out beats a symbol: "$" is US dollars unless
 * the document names another dollar, and "kr" Swedish kronor unless it names NOK or DKK.
 */
final class Currencies {

  private static final Set<String> DOLLARS = Set.of("CAD", "AUD", "NZD", "HKD", "SGD", "MXN");
  private static final Set<String> KRONER = Set.of("NOK", "DKK");

  // Upper case only: "eur" and "sek" inside words are not codes.
  private static final Pattern CODE =
      Pattern.compile(
          "(?<![\\p{L}])(EUR|USD|GBP|SEK|NOK|DKK|CHF|PLN|CZK|JPY|"
              + String.join("|", DOLLARS)
              + ")(?![\\p{L}])");

  private static final Map<String, String> SYMBOLS =
      Map.of("€", "EUR", "£", "GBP", "$", "USD", "kr", "SEK", "¥", "JPY", "zł", "PLN", "Kč", "CZK");

  private static final Pattern SYMBOL =
      Pattern.compile("€|£|US\\$|\\$|¥|(?<![\\p{L}])(?:kr|Kr|KR|zł|Kč)(?![\\p{L}])");

  /** A code or sign, and whether it was written as a code. */
  record Found(String code, boolean written) {}

  private Currencies() {}

  /** The currency the line names, a written code before a symbol. */
  static Optional<Found> on(String line, String wholeText) {
    return codes(line).stream()
        .findFirst()
        .map(code -> new Found(code, true))
        .or(
            () ->
                symbols(line).stream()
                    .findFirst()
                    .map(s -> new Found(resolve(s, wholeText), false)));
  }

  /** The currency the text names most often, codes counted before symbols. */
  static Optional<Found> mostFrequent(String text) {
    return mostFrequent(codes(text))
        .map(code -> new Found(code, true))
        .or(() -> mostFrequent(symbols(text)).map(s -> new Found(resolve(s, text), false)));
  }

  /** Whether a currency sign or code stands right before or after the span. */
  static boolean nextTo(String line, int start, int end) {
    String before = line.substring(Math.max(0, start - 5), start).stripTrailing();
    String after = line.substring(end, Math.min(line.length(), end + 5)).stripLeading();
    return endsWithCurrency(before) || startsWithCurrency(after);
  }

  private static boolean endsWithCurrency(String text) {
    Matcher code = CODE.matcher(text);
    Matcher symbol = SYMBOL.matcher(text);
    return (code.find() && code.end() == text.length())
        || symbol.results().anyMatch(r -> r.end() == text.length());
  }

  private static boolean startsWithCurrency(String text) {
    return CODE.matcher(text).lookingAt() || SYMBOL.matcher(text).lookingAt();
  }

  private static String resolve(String symbol, String text) {
    List<String> codes = codes(text);
    if (symbol.equals("$")) {
      return codes.stream().filter(DOLLARS::contains).findFirst().orElse("USD");
    }
    if (symbol.equalsIgnoreCase("kr")) {
      return codes.stream().filter(KRONER::contains).findFirst().orElse("SEK");
    }
    return SYMBOLS.get(symbol);
  }

  private static List<String> codes(String text) {
    return CODE.matcher(text).results().map(r -> r.group(1)).toList();
  }

  private static List<String> symbols(String text) {
    return SYMBOL.matcher(text).results().map(r -> normal(r.group())).toList();
  }

  private static String normal(String symbol) {
    if (symbol.equals("US$")) {
      return "$";
    }
    return symbol.equalsIgnoreCase("kr") ? "kr" : symbol;
  }

  private static Optional<String> mostFrequent(List<String> values) {
    return values.stream()
        .collect(
            Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey);
  }
}
