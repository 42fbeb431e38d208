package dev.nightshift.exports.csv;

/**
 * Keeps spreadsheets from running a cell as a formula (CSV injection): a text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe,
 * which spreadsheet apps show as text and do not evaluate. Applied to every cell whose text comes
 * from outside (bank descriptions, names, notes, file names); cells Nightshift writes itself from
 * numbers, dates and codes are left alone, so a negative amount stays a number.
 */
public final class SafeCell {

  private SafeCell() {}

  /** The text as a cell that no spreadsheet evaluates; null becomes an empty cell. */
  public static String of(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }
}
