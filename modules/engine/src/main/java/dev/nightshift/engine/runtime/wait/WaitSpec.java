package dev.nightshift.engine.runtime.wait;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a run waits for, as {@code engine.suspend_runs} reads it.
 *
 * @param step the wait's key in the run's journal
 * @param type {@code time}, {@code event} or {@code children}
 * @param until when a time wait ends, or an event wait times out
 * @param since when the run first reached the wait
 */
public record WaitSpec(
    String step,
    String type,
    Instant until,
    String event,
    JsonNode filter,
    List<UUID> children,
    Instant since) {

  public static WaitSpec time(String step, Instant until, Instant since) {
    return new WaitSpec(step, "time", until, null, null, null, since);
  }

  public static WaitSpec event(
      String step, String event, JsonNode filter, Instant timeout, Instant since) {
    return new WaitSpec(step, "event", timeout, event, filter, null, since);
  }

  public static WaitSpec children(String step, List<UUID> children, Instant since) {
    return new WaitSpec(step, "children", null, null, null, List.copyOf(children), since);
  }
}
