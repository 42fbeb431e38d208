package dev.nightshift.platform.api;

import dev.nightshift.platform.problem.ProblemException;

/** The {@code Idempotency-Key} header of requests that start work: what a usable one looks like. */
public final class IdempotencyKeys {

  /** The longest key accepted; stored beside the request it names. */
  public static final int MAX_LENGTH = 200;

  private IdempotencyKeys() {}

  /**
   * The key as sent, or null when none was.
   *
   * @throws ProblemException 400 {@code invalid-idempotency-key} for a blank or too long key
   */
  public static String checked(String key) {
    if (key != null && (key.isBlank() || key.length() > MAX_LENGTH)) {
      throw ProblemException.badRequest(
          "invalid-idempotency-key",
          "Idempotency-Key must hold 1 to " + MAX_LENGTH + " characters.");
    }
    return key;
  }
}
