package dev.nightshift.engine.runtime.event;

import dev.nightshift.engine.InvalidEventException;

/** An event payload over {@code nightshift.events.max-payload-size}. */
public class EventTooLargeException extends InvalidEventException {

  public EventTooLargeException(long size, long max) {
    super("The payload has " + size + " bytes of JSON; at most " + max + " are accepted.");
  }
}
