package dev.nightshift.inbox.extraction.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts in the formats Europe and America print: 1,234.56, 1.234,56, 1 234,56, 1'234.56 and
 * 1234,56. The separator before the last one or two digits is the decimal one; the others group
 * thousands and must be all alike.
 *
 * <p>A number counts as money only with cents, or right next to a currency sign: bare integers on
 * invoices are quantities, years, percentages, postcodes and phone numbers far more often.
 */
final class Amounts {

  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}.,'])"
              + "(?:(?<grouped>\\d{1,3}(?<sep>[ ,.'])\\d{3}(?:\\k<sep>\\d{3})*)"
              + "|(?<plain>\\d+))"
              + "(?:(?<dec>[.,])(?<cents>\\d{1,2}))?"
              // Not the start of a longer number, a date's next part, or a percentage.
              + "(?![\\p{N}]|[.,']\\d|\\s?%)");

  private Amounts() {}

  /** The amounts on a line, left to right. */
  static List<Amount> in(String line) {
    var amounts = new ArrayList<Amount>();
    Matcher matcher = NUMBER.matcher(line);
    while (matcher.find()) {
      boolean cents = matcher.group("cents") != null;
      if (!cents && !Currencies.nextTo(line, matcher.start(), matcher.end())) {
        continue;
      }
      value(matcher).ifPresent(v -> amounts.add(new Amount(v, matcher.start(), matcher.end())));
    }
    return amounts;
  }

  /** The one amount a string holds, such as a cell of a table. */
  static Optional<BigDecimal> parse(String text) {
    return in(text.strip()).stream().findFirst().map(Amount::value);
  }

  private static Optional<BigDecimal> value(Matcher matcher) {
    String sep = matcher.group("sep");
    String dec = matcher.group("dec");
    if (sep != null && sep.equals(dec)) {
      return Optional.empty();
    }
    String integer =
        matcher.group("grouped") != null
            ? matcher.group("grouped").replace(sep, "")
            : matcher.group("plain");
    String cents = matcher.group("cents");
    return Optional.of(new BigDecimal(cents == null ? integer : integer + "." + cents));
  }
}
