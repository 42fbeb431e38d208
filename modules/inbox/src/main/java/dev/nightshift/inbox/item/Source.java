package dev.nightshift.inbox.item;

/** How a document reached the inbox. */
public enum Source {
  EMAIL,
  IMAP,
  UPLOAD
}
