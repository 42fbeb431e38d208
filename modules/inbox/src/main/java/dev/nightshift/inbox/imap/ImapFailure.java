package dev.nightshift.inbox.imap;

/**
 * Why a mailbox could not be read, in words for its {@code lastError} and for the API. {@link
 * #permanent()} failures need the user (a password, a folder, a host); the others may pass.
 */
final class ImapFailure extends Exception {

  enum Kind {
    /** The server refused the login. */
    AUTHENTICATION(true),
    /** The host is, or resolves to, a refused address. */
    REFUSED_ADDRESS(true),
    /** The folder does not exist. */
    UNKNOWN_FOLDER(true),
    /** TLS failed: an untrusted certificate, one for another name, no common protocol. */
    TLS(true),
    /** The host does not resolve, the connection failed or timed out, or it broke off. */
    UNREACHABLE(false),
    /** Anything else the server or the protocol did. */
    SERVER(false);

    private final boolean permanent;

    Kind(boolean permanent) {
      this.permanent = permanent;
    }
  }

  private final Kind kind;

  ImapFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  boolean permanent() {
    return kind.permanent;
  }
}
