package dev.nightshift.calendar.sync;

/** What asked for a sync; stored in {@code calendar.sync_log.trigger}. */
public enum SyncTrigger {
  /** A client, through the API. */
  MANUAL,
  /** The periodic {@code calendar-batch-sync}. */
  SCHEDULE,
  /** A provider's push notification. */
  PUSH,
  /** A batch run that was not started by the schedule. */
  BATCH,
  /** A new connection's first sync. */
  CONNECT
}
