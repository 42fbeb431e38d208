package dev.nightshift.inbox.imap;

import dev.nightshift.platform.outbound.AddressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * Opens a mailbox's folder read-only over IMAP with Jakarta Mail (Eclipse Angus): every connection
 * through the outbound address guard, with the configured timeouts, the server's certificate
 * checked against the host name, and STARTTLS required when asked for. Read-only (EXAMINE) leaves
 * the user's flags alone: polling marks nothing as read.
 */
@ApplicationScoped
class ImapClient {

  private static final Logger LOG = Logger.getLogger(ImapClient.class);

  private final GuardedSocketFactory sockets;
  private final ImapConfig config;

  ImapClient(AddressGuard guard, ImapConfig config) {
    this.sockets = new GuardedSocketFactory(guard);
    this.config = config;
  }

  /** An open folder and its connection; closing closes both. */
  static final class OpenFolder implements AutoCloseable {

    private final Store store;
    private final Folder folder;

    private OpenFolder(Store store, Folder folder) {
      this.store = store;
      this.folder = folder;
    }

    /** IMAP folders are UID folders. */
    UIDFolder uids() {
      return (UIDFolder) folder;
    }

    Folder folder() {
      return folder;
    }

    @Override
    public void close() {
      try {
        if (folder.isOpen()) {
          folder.close(false);
        }
      } catch (MessagingException e) {
        LOG.debugf("Closing folder %s: %s", folder.getFullName(), e.getMessage());
      }
      try {
        store.close();
      } catch (MessagingException e) {
        LOG.debugf("Closing the IMAP connection: %s", e.getMessage());
      }
    }
  }

  /** Logs in and opens the folder read-only. */
  OpenFolder open(Login login) throws ImapFailure {
    Store store = null;
    try {
      store = session(login).getStore(login.security().protocol());
      store.connect(login.host(), login.port(), login.username(), login.password());
      var folder = store.getFolder(login.folder());
      folder.open(Folder.READ_ONLY);
      return new OpenFolder(store, folder);
    } catch (MessagingException e) {
      close(store);
      throw failure(e, login);
    }
  }

  /** Logs in and opens the folder, then lets go: whether polling it would work. */
  void verify(Login login) throws ImapFailure {
    try (var ignored = open(login)) {
      LOG.debugf("Verified mailbox %s", login);
    }
  }

  /** What a failure of Jakarta Mail means for the mailbox. */
  static ImapFailure failure(MessagingException e, Login login) {
    if (e instanceof AuthenticationFailedException) {
      return new ImapFailure(
          ImapFailure.Kind.AUTHENTICATION,
          "The IMAP server refused the login of " + login.username() + ": " + reason(e),
          e);
    }
    if (e instanceof FolderNotFoundException) {
      return new ImapFailure(
          ImapFailure.Kind.UNKNOWN_FOLDER, "The mailbox has no folder '" + login.folder() + "'", e);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RefusedAddressException refused) {
        return new ImapFailure(ImapFailure.Kind.REFUSED_ADDRESS, refused.getMessage(), e);
      }
      if (cause instanceof SSLException tls) {
        return new ImapFailure(
            ImapFailure.Kind.TLS, "TLS with " + login.host() + " failed: " + tls.getMessage(), e);
      }
      if (cause instanceof UnknownHostException) {
        return new ImapFailure(ImapFailure.Kind.UNREACHABLE, login.host() + " does not resolve", e);
      }
    }
    var kind =
        e.getCause() instanceof IOException
            ? ImapFailure.Kind.UNREACHABLE
            : ImapFailure.Kind.SERVER;
    return new ImapFailure(
        kind, "IMAP with " + login.host() + ":" + login.port() + " failed: " + reason(e), e);
  }

  private Session session(Login login) {
    var protocol = login.security().protocol();
    var prefix = "mail." + protocol;
    var properties = new Properties();
    properties.put(prefix + ".socketFactory", sockets);
    // Without the factory a failed connection would be tried again past the guard.
    properties.setProperty(prefix + ".socketFactory.fallback", "false");
    properties.setProperty(prefix + ".connectiontimeout", millis(config.connectTimeout()));
    properties.setProperty(prefix + ".timeout", millis(config.readTimeout()));
    properties.setProperty(prefix + ".ssl.checkserveridentity", "true");
    if (login.security() == Security.STARTTLS) {
      properties.setProperty(prefix + ".starttls.enable", "true");
      properties.setProperty(prefix + ".starttls.required", "true");
    }
    return Session.getInstance(properties);
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }

  /** The server's own words where it gave some. */
  private static String reason(MessagingException e) {
    var message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
  }

  private static void close(Store store) {
    if (store != null) {
      try {
        store.close();
      } catch (MessagingException e) {
        LOG.debugf("Closing the IMAP connection: %s", e.getMessage());
      }
    }
  }
}
