package dev.nightshift.engine.runtime.jobs;

import dev.nightshift.engine.RunStatus;
import java.time.Instant;
import java.util.UUID;

/** One run, as the job status shows it; {@code finishedAt} is null while it executes. */
public record RunSummary(UUID id, RunStatus status, Instant startedAt, Instant finishedAt) {}
