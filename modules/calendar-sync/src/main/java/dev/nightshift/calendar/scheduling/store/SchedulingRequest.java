package dev.nightshift.calendar.scheduling.store;

import java.time.Instant;
import java.util.List;

/**
 * What a scheduling run was asked to do, stored as it was accepted.
 *
 * @param windowDays the window's length in days
 * @param from the window's start; null: when the run starts
 */
public record SchedulingRequest(List<RequestedTask> tasks, int windowDays, Instant from) {}
