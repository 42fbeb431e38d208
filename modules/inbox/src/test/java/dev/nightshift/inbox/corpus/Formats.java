package dev.nightshift.inbox.corpus;

import dev.nightshift.inbox.corpus.Style.NumberStyle;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts written the way a country writes them, with or without a currency. */
final class Formats {

  /** Where a document puts its currency: a symbol or the ISO code, before or after. */
  enum CurrencyForm {
    SYMBOL_BEFORE,
    SYMBOL_AFTER,
    CODE_BEFORE,
    CODE_AFTER
  }

  private Formats() {}

  static String number(BigDecimal amount, NumberStyle style) {
    String plain = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    String integer = plain.substring(0, plain.indexOf('.'));
    String cents = plain.substring(plain.indexOf('.') + 1);
    var grouped = new StringBuilder();
    for (int i = 0; i < integer.length(); i++) {
      if (i > 0 && (integer.length() - i) % 3 == 0) {
        grouped.append(style.group);
      }
      grouped.append(integer.charAt(i));
    }
    return grouped + style.decimal + cents;
  }

  static String money(BigDecimal amount, NumberStyle style, String currency, CurrencyForm form) {
    String number = number(amount, style);
    String symbol = symbol(currency);
    return switch (symbol == null && form.name().startsWith("SYMBOL")
        ? CurrencyForm.CODE_AFTER
        : form) {
      case SYMBOL_BEFORE -> symbol + (symbol.length() > 1 ? " " : "") + number;
      case SYMBOL_AFTER -> number + " " + symbol;
      case CODE_BEFORE -> currency + " " + number;
      case CODE_AFTER -> number + " " + currency;
    };
  }

  private static String symbol(String currency) {
    return switch (currency) {
      case "EUR" -> "€";
      case "GBP" -> "£";
      case "USD" -> "$";
      case "SEK" -> "kr";
      default -> null;
    };
  }
}
