package dev.nightshift.calendar.provider;

/** The provider no longer accepts the sync token (Google's 410 Gone): list the window again. */
public class SyncTokenExpiredException extends RuntimeException {

  public SyncTokenExpiredException(String message) {
    super(message);
  }
}
