package dev.nightshift.inbox.imap;

/** Whether a mailbox is polled. */
public enum MailboxStatus {
  /** Polled on its schedule; the last poll went through. */
  ACTIVE,
  /** Still polled, but the last poll failed: {@code lastError} says why. */
  FAILING,
  /**
   * Not polled: turned off by the user, or after {@code disable-after-failures} failed polls in a
   * row. Its schedule is paused until it is activated again.
   */
  DISABLED
}
