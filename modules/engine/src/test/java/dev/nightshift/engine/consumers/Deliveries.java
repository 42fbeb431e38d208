package dev.nightshift.engine.consumers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test consumers received, per consumer and event, in order of arrival. */
public final class Deliveries {

  private static final Map<String, Map<UUID, List<String>>> SEEN = new ConcurrentHashMap<>();

  private Deliveries() {}

  static void record(String consumer, UUID event, String outcome) {
    SEEN.computeIfAbsent(consumer, c -> new ConcurrentHashMap<>())
        .computeIfAbsent(event, e -> new CopyOnWriteArrayList<>())
        .add(outcome);
  }

  /** How {@code consumer} answered each delivery of {@code event}: ack, nack or silent. */
  public static List<String> of(String consumer, UUID event) {
    return List.copyOf(SEEN.getOrDefault(consumer, Map.of()).getOrDefault(event, List.of()));
  }
}
