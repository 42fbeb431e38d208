package dev.nightshift.calendar.provider;

import dev.nightshift.engine.NonRetryableException;

/**
 * This installation lacks what the provider needs (Google's OAuth client id and secret): no retry
 * helps until an operator configures it.
 */
public class ProviderNotConfiguredException extends NonRetryableException {

  public ProviderNotConfiguredException(String message) {
    super(message);
  }
}
