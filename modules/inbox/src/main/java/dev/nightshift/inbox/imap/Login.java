package dev.nightshift.inbox.imap;

/** Everything needed to open a mailbox's folder. Its {@link #toString} leaves out the password. */
record Login(
    String host, int port, Security security, String username, String password, String folder) {

  @Override
  public String toString() {
    return username + "@" + host + ":" + port + " (" + security + ") " + folder;
  }
}
