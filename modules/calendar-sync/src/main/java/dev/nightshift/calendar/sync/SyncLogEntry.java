package dev.nightshift.calendar.sync;

import java.time.Instant;
import java.util.UUID;

/** One line of {@code calendar.sync_log}: one connection's sync in one attempt of a run. */
public record SyncLogEntry(
    UUID id,
    UUID connectionId,
    UUID runId,
    SyncType type,
    SyncTrigger trigger,
    String status,
    Instant startedAt,
    Instant endedAt,
    int inserted,
    int updated,
    int deleted,
    int pages,
    int apiCalls,
    boolean fellBack,
    String error) {}
