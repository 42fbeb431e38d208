package dev.nightshift.engine;

/** A payload that does not fit its task's payload type; nothing was stored. */
public class InvalidPayloadException extends RuntimeException {

  public InvalidPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
