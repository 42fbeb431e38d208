package dev.nightshift.engine.runtime.trigger;

import dev.nightshift.engine.InvalidPayloadException;

/** A payload over {@code nightshift.runs.max-payload-size}. */
public class PayloadTooLargeException extends InvalidPayloadException {

  public PayloadTooLargeException(long size, long max) {
    super("The payload has " + size + " bytes of JSON; at most " + max + " are accepted.", null);
  }
}
