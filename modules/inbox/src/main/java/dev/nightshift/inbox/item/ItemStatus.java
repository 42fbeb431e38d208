package dev.nightshift.inbox.item;

/** Where an item's extraction stands; matching keeps its own {@code matchStatus}. */
public enum ItemStatus {
  NEW,
  PROCESSING,
  PROCESSED,
  FAILED
}
