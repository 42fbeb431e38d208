package dev.nightshift.transactions.provider;

import java.util.Locale;

/**
 * Bank statement text for people: {@code "AMAZON EU-SARL"} becomes {@code "Amazon Eu Sarl"}. Words
 * are split at anything that is not a letter or a digit, as Midday's normalisation does, so
 * punctuation disappears.
 */
public final class CapitalCase {

  private CapitalCase() {}

  /** The text in capital case, or null when it has no letter or digit. */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (String word : text.split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      out.append(word.substring(Character.charCount(word.codePointAt(0))).toLowerCase(Locale.ROOT));
    }
    return out.isEmpty() ? null : out.toString();
  }
}
