package dev.nightshift.calendar.scheduling;

import java.time.Duration;

/**
 * How much a task matters. It weights the deadline order: a task is ordered by its due date moved
 * earlier by its priority's {@link #lead()}, so a CRITICAL task due on Friday goes before a NORMAL
 * task due on Wednesday evening, but not before one due on Tuesday.
 */
public enum Priority {
  LOW(Duration.ofHours(-24)),
  NORMAL(Duration.ZERO),
  HIGH(Duration.ofHours(24)),
  CRITICAL(Duration.ofHours(72));

  private final Duration lead;

  Priority(Duration lead) {
    this.lead = lead;
  }

  /** How much earlier than its due date the task counts as due; negative for LOW. */
  public Duration lead() {
    return lead;
  }
}
