package dev.nightshift.calendar.event;

/**
 * What a batch of writes did: rows {@code inserted}, rows {@code updated} because something in them
 * changed (an event the provider reports again unchanged counts in neither), rows {@code deleted}.
 */
public record Written(int inserted, int updated, int deleted) {

  public static final Written NOTHING = new Written(0, 0, 0);

  public Written plus(Written other) {
    return new Written(inserted + other.inserted, updated + other.updated, deleted + other.deleted);
  }
}
