package dev.nightshift.engine;

/**
 * A schedule definition the engine cannot use: a malformed or never-firing cron, an unknown time
 * zone, an interval out of range, cron and interval both or neither, a missing deduplication key
 * where one is required. Nothing was stored.
 */
public class InvalidScheduleException extends RuntimeException {

  public InvalidScheduleException(String message) {
    super(message);
  }
}
