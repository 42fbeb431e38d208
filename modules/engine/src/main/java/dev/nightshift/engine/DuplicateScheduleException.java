package dev.nightshift.engine;

/** Another schedule of the same team already has this deduplication key. Nothing was changed. */
public class DuplicateScheduleException extends RuntimeException {

  public DuplicateScheduleException(String deduplicationKey) {
    super("Another schedule of this team has the deduplication key '" + deduplicationKey + "'.");
  }
}
