package dev.nightshift.inbox.extraction.text;

import java.util.List;
import java.util.regex.Pattern;

/** A document's text as trimmed, non-blank lines with one kind of space and one apostrophe. */
final class TextLines {

  // No-break, narrow no-break, figure and thin spaces group thousands in French and Swedish.
  private static final Pattern SPACES = Pattern.compile("[\\t\\u00A0\\u202F\\u2007\\u2009]");
  private static final Pattern APOSTROPHES = Pattern.compile("[\\u2019\\u2018\\u02BC]");

  private TextLines() {}

  static List<String> of(String text) {
    String normal = APOSTROPHES.matcher(SPACES.matcher(text).replaceAll(" ")).replaceAll("'");
    return normal.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
