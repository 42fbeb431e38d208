package dev.nightshift.engine.runtime.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.runtime.journal.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run as the API shows it.
 *
 * @param attempts every failed attempt with its error and stack trace, oldest first
 * @param attempt the number of the current or last attempt; 0 before the first
 * @param runAt when it may start (or retry)
 * @param steps the run's steps and waits, oldest first; only in a single run's detail
 */
public record RunView(
    UUID id,
    String taskId,
    String queue,
    RunStatus status,
    UUID teamId,
    JsonNode payload,
    JsonNode output,
    JsonNode attempts,
    int attempt,
    int maxAttempts,
    int priority,
    List<String> tags,
    JsonNode metadata,
    JsonNode progress,
    String idempotencyKey,
    String concurrencyKey,
    UUID parentId,
    UUID rootId,
    Instant createdAt,
    Instant runAt,
    Instant startedAt,
    Instant finishedAt,
    Instant expiresAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<JournalEntry> steps) {

  public RunView withSteps(List<JournalEntry> entries) {
    return new RunView(
        id,
        taskId,
        queue,
        status,
        teamId,
        payload,
        output,
        attempts,
        attempt,
        maxAttempts,
        priority,
        tags,
        metadata,
        progress,
        idempotencyKey,
        concurrencyKey,
        parentId,
        rootId,
        createdAt,
        runAt,
        startedAt,
        finishedAt,
        expiresAt,
        List.copyOf(entries));
  }
}
