package dev.nightshift.calendar.sync;

/** Stored in {@code calendar.sync_log.type}. */
public enum SyncType {
  /** Every event of the window, page by page. */
  FULL,
  /** What changed since the calendar's stored sync token. */
  INCREMENTAL
}
