package dev.nightshift.calendar.provider.ics;

import dev.nightshift.calendar.provider.ProviderUnavailableException;

/**
 * The feed's server did not answer, or answered with a 5xx or 429 without a wait hint: the sync
 * run's next attempt asks again. The message names the host only.
 */
public class FeedUnavailableException extends ProviderUnavailableException {

  public FeedUnavailableException(String message, Throwable cause) {
    super(message, null, cause);
  }
}
