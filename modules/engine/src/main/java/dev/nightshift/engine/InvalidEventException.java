package dev.nightshift.engine;

/** An event with a bad name or payload; nothing was published. */
public class InvalidEventException extends RuntimeException {

  public InvalidEventException(String message) {
    super(message);
  }
}
