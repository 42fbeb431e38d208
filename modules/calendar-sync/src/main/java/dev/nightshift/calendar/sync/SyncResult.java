package dev.nightshift.calendar.sync;

/**
 * The output of a {@code calendar-full-sync} or {@code calendar-incremental-sync} run.
 *
 * @param connections connections synced
 * @param counts what they did, summed
 */
public record SyncResult(int connections, Counts counts) {}
