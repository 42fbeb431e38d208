package dev.nightshift.webhooks.subscription;

import java.util.regex.Pattern;

/**
 * An event name a subscription wants, or a pattern of them: {@code *} stands for one word, and for
 * one or more when it is the last. {@code transactions.created} wants that event alone, {@code
 * transactions.*} every event of the transactions module, {@code *} every event.
 */
public record EventPattern(String value) {

  private static final Pattern FORM =
      Pattern.compile("(\\*|[a-z][a-z0-9_-]*)(\\.(\\*|[a-z][a-z0-9_-]*))*");
  private static final int MAX_LENGTH = 128;

  public EventPattern {
    if (value == null || value.length() > MAX_LENGTH || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is not an event name or pattern: lowercase words separated by dots, where *"
              + " stands for one word, or for the rest when it comes last (transactions.*).");
    }
  }

  public boolean matches(String name) {
    var wanted = value.split("\\.");
    var words = name.split("\\.");
    for (int i = 0; i < wanted.length; i++) {
      boolean last = i == wanted.length - 1;
      if (i >= words.length) {
        return false;
      }
      if (wanted[i].equals("*")) {
        if (last) {
          return true;
        }
      } else if (!wanted[i].equals(words[i])) {
        return false;
      }
    }
    return wanted.length == words.length;
  }
}
