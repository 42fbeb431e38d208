package dev.nightshift.calendar.sync;

import java.time.Instant;

/** The span of time a sync keeps in step: [{@code from}, {@code to}). */
record Window(Instant from, Instant to) {}
