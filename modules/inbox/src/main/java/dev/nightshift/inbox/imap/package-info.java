/**
 * IMAP polling of team mailboxes: the mailboxes with their sealed passwords and schedules, the
 * {@code inbox-poll-mailbox} task that offers new messages' files to intake, and their REST API.
 */
package dev.nightshift.inbox.imap;
