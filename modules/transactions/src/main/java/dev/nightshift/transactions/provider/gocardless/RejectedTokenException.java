package dev.nightshift.transactions.provider.gocardless;

import dev.nightshift.transactions.provider.ProviderUnavailableException;

/**
 * GoCardless refused our access token (expired early or revoked): transient, because the retry
 * fetches a new one.
 */
class RejectedTokenException extends ProviderUnavailableException {

  RejectedTokenException(String message) {
    super(message, null, null);
  }
}
