package dev.nightshift.engine.runtime.jobs;

import java.time.Instant;

/**
 * What the database says about one task's runs, as one caller may see them.
 *
 * @param nextRunAt when the earliest queued run is due; null when none is queued
 * @param latestExecuting the most recently started of the executing runs; null when none executes
 * @param lastFinished the run that ended last with an outcome of the task (COMPLETED, FAILED,
 *     TIMED_OUT); null when none has
 * @param lastFailure the last run that ended FAILED or TIMED_OUT; null when none has
 */
record TaskActivity(
    String taskId,
    long queued,
    long executing,
    long waiting,
    Instant nextRunAt,
    RunSummary latestExecuting,
    RunSummary lastFinished,
    RunError lastFailure) {}
