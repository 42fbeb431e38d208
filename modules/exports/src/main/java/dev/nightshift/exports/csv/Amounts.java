package dev.nightshift.exports.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Amounts as CSV cells: the plain signed number with the currency's minor units ({@code -12.50},
 * {@code -1200} for yen), and the same formatted for a locale ({@code -$12.50}, {@code -12,50 €}).
 * Not thread-safe: one per export, which keeps a formatter per currency.
 */
final class Amounts {

  private final Locale locale;
  private final Map<String, NumberFormat> formats = new HashMap<>();
  private final Map<String, Integer> digits = new HashMap<>();

  Amounts(Locale locale) {
    this.locale = locale;
  }

  String plain(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    int scale = digits.computeIfAbsent(currency, Amounts::fractionDigits);
    return (scale < 0
            ? amount.stripTrailingZeros()
            : amount.setScale(scale, RoundingMode.HALF_EVEN))
        .toPlainString();
  }

  String formatted(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    var format = formats.computeIfAbsent(currency, this::format);
    return format == null ? plain(amount, currency) + " " + currency : format.format(amount);
  }

  private NumberFormat format(String code) {
    int scale = fractionDigits(code);
    if (scale < 0) {
      return null;
    }
    var format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(Currency.getInstance(code));
    format.setMinimumFractionDigits(scale);
    format.setMaximumFractionDigits(scale);
    return format;
  }

  /** The currency's minor units, or -1 for a code ISO 4217 does not know or gives none. */
  private static int fractionDigits(String code) {
    try {
      return Currency.getInstance(code).getDefaultFractionDigits();
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
