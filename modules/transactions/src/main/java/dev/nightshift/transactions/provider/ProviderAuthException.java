package dev.nightshift.transactions.provider;

import dev.nightshift.engine.NonRetryableException;

/**
 * The provider refused the credentials (Plaid {@code ITEM_LOGIN_REQUIRED}, an expired GoCardless
 * agreement, a disconnected Teller enrollment): the user must reconnect, so it is never retried.
 *
 * @see #code() the provider's error code
 */
public class ProviderAuthException extends NonRetryableException {

  private final String code;

  public ProviderAuthException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
