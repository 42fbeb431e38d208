package dev.nightshift.inbox.imap;

/**
 * What one poll did; the output of an {@code inbox-poll-mailbox} run.
 *
 * @param messages new messages read
 * @param created files that became inbox items
 * @param duplicates files the inbox had already (read before a UIDVALIDITY change, or sent to two
 *     of the team's mailboxes)
 * @param skipped files that are not documents (logos, signatures, calendar invites) or are too
 *     large
 * @param unreadable messages that could not be parsed and were passed over
 * @param lastUid the highest UID read
 * @param more whether new messages were left for a follow-up run
 */
public record PollResult(
    int messages,
    int created,
    int duplicates,
    int skipped,
    int unreadable,
    long lastUid,
    boolean more) {

  /** The mailbox is gone or disabled: nothing was polled. */
  static PollResult none() {
    return new PollResult(0, 0, 0, 0, 0, 0, false);
  }
}
