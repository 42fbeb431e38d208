package dev.nightshift.calendar.scheduling;

import java.time.Instant;

/**
 * One chunk of a task in the calendar.
 *
 * @param chunk 1 to {@code chunks}, in time order
 */
public record Placement(String taskId, int chunk, int chunks, Instant start, Instant end) {}
