package dev.nightshift.engine.runtime.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One step or wait of a run, as stored.
 *
 * @param kind {@code step} or {@code wait}
 * @param status COMPLETED (a step), WAITING or RESOLVED (a wait)
 * @param output a step's result, or what a resolved wait resolved with
 * @param waitingFor what a wait waits for: {type, until, event, filter, children}
 */
public record JournalEntry(
    String key,
    String kind,
    String status,
    JsonNode output,
    JsonNode waitingFor,
    int attempt,
    Instant startedAt,
    Instant finishedAt) {}
