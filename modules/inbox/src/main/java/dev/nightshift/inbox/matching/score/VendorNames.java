package dev.nightshift.inbox.matching.score;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a vendor or bank label into comparable tokens: accents, case and punctuation gone, legal
 * forms ("Inc", "GmbH", "S.à r.l."), web parts ("www", "com") and reference codes dropped. So
 * "Figma, Inc." and "FIGMA INC" both become [figma].
 */
final class VendorNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "llc",
          "llp",
          "lp",
          "ltd",
          "limited",
          "plc",
          "corp",
          "corporation",
          "co",
          "company",
          "gmbh",
          "mbh",
          "ag",
          "kg",
          "kgaa",
          "ug",
          "ohg",
          "ev",
          "sa",
          "sas",
          "sarl",
          "sl",
          "srl",
          "spa",
          "bv",
          "nv",
          "ab",
          "oy",
          "oyj",
          "as",
          "asa",
          "aps",
          "pty",
          "pte",
          "kk",
          "se",
          "sp",
          "zoo",
          "the");
  private static final Set<String> WEB_PARTS = Set.of("www", "com", "net", "org", "io", "app");

  /**
   * Payment processors that banks print before the merchant ("PAYPAL *FIGMA", "SQ *CAFE"): dropped
   * from a bank label when something else is left.
   */
  private static final Set<String> PROCESSORS =
      Set.of("paypal", "pp", "sq", "sumup", "zettle", "izettle", "stripe", "klarna", "pos");

  private VendorNames() {}

  static List<String> tokens(String name) {
    if (name == null) {
      return List.of();
    }
    var plain =
        MARKS
            .matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    var tokens = new ArrayList<String>();
    for (var token : SEPARATORS.split(plain)) {
      if (token.length() > 1
          && !LEGAL_FORMS.contains(token)
          && !WEB_PARTS.contains(token)
          && !isReference(token)) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  /** A bank label's tokens, without a payment processor's name in front of the merchant's. */
  static List<String> bankTokens(String label) {
    var tokens = tokens(label);
    var merchant = tokens.stream().filter(t -> !PROCESSORS.contains(t)).toList();
    return merchant.isEmpty() ? tokens : merchant;
  }

  /** Letters and digits only, upper case: how an invoice number is looked for in bank text. */
  static String compact(String text) {
    return text == null ? "" : SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
  }

  /** Order numbers and card references: all digits, or more than a third of them digits. */
  private static boolean isReference(String token) {
    long digits = token.chars().filter(Character::isDigit).count();
    return digits == token.length() || digits * 3 > token.length();
  }
}
