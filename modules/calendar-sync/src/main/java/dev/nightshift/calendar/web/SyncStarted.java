package dev.nightshift.calendar.web;

import java.util.UUID;

/** The sync run a request started: follow it at {@code /api/v1/runs/{runId}/events}. */
public record SyncStarted(UUID runId, String type) {}
