package dev.nightshift.calendar.scheduling.store;

/** Where a scheduling run is: it only moves forward. */
public enum SchedulingStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  FAILED
}
