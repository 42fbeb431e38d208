package dev.nightshift.inbox.imap;

/** The team already polls this folder of this account on this server. */
class DuplicateMailboxException extends RuntimeException {

  DuplicateMailboxException() {
    super("The team already polls this folder of this account on this server.");
  }
}
