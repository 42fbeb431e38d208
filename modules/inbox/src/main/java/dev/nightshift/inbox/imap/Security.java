package dev.nightshift.inbox.imap;

/** How the connection to the IMAP server is protected. */
public enum Security {
  /** TLS from the first byte (IMAPS), port 993 by default. */
  SSL(993),
  /** A plain connection upgraded with STARTTLS before login, which is required; port 143. */
  STARTTLS(143),
  /**
   * No encryption: the password crosses the network in clear. Only for servers on a trusted net.
   */
  NONE(143);

  private final int defaultPort;

  Security(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /** The Jakarta Mail store protocol. */
  String protocol() {
    return this == SSL ? "imaps" : "imap";
  }
}
