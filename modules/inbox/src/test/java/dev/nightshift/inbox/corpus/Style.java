package dev.nightshift.inbox.corpus;

import dev.nightshift.inbox.extraction.text.vocabulary.Language;
import java.util.List;
import java.util.Locale;

/**
 * How documents of one language are written: their labels (several variants each, one picked per
 * document), names, items, tax rates, currencies and the formats of numbers and dates.
 *
 * @param dateFormats patterns for {@link java.time.format.DateTimeFormatter} in {@code locale}
 * @param usDateFormats used instead when the currency is USD
 */
record Style(
    Language language,
    Locale locale,
    List<String> invoiceTitles,
    List<String> receiptTitles,
    List<String> numberLabels,
    List<String> receiptNumberLabels,
    List<String> dateLabels,
    List<String> dueLabels,
    List<String> otherDateLabels,
    List<String> customerLabels,
    List<String> subtotalLabels,
    List<String> taxLabels,
    List<String> totalLabels,
    List<String> receiptTotalLabels,
    List<String> cashLabels,
    List<String> taxIdLabels,
    List<String> itemHeader,
    List<String> items,
    List<String> vendorWords,
    List<String> vendorTrades,
    List<String> suffixes,
    List<String> storeNames,
    List<String> streets,
    List<String> cities,
    List<Integer> taxRates,
    List<String> currencies,
    NumberStyle numbers,
    List<String> dateFormats,
    List<String> usDateFormats) {

  /** How amounts are written: the separators, as in 1.234,56 or 1 234,56. */
  enum NumberStyle {
    COMMA_THOUSANDS_DOT_DECIMAL(",", "."),
    DOT_THOUSANDS_COMMA_DECIMAL(".", ","),
    SPACE_THOUSANDS_COMMA_DECIMAL(" ", ","),
    NBSP_THOUSANDS_COMMA_DECIMAL("\u00A0", ","),
    APOSTROPHE_THOUSANDS_DOT_DECIMAL("'", "."),
    NO_THOUSANDS_COMMA_DECIMAL("", ",");

    final String group;
    final String decimal;

    NumberStyle(String group, String decimal) {
      this.group = group;
      this.decimal = decimal;
    }
  }
}
