package dev.nightshift.inbox.imap;

import dev.nightshift.engine.TaskContext;
import dev.nightshift.inbox.config.InboxConfig;
import dev.nightshift.inbox.intake.DocumentTooLargeException;
import dev.nightshift.inbox.intake.Incoming;
import dev.nightshift.inbox.intake.Intake;
import dev.nightshift.inbox.item.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads a mailbox's new messages and offers their files to {@link Intake}. New means a UID above
 * the mailbox's {@code last_uid}, which advances after each message: a poll that dies midway reads
 * at most that one message again, and intake's reference ids make even that harmless.
 */
@ApplicationScoped
class MailboxPoller {

  private static final Logger LOG = Logger.getLogger(MailboxPoller.class);

  private final ImapClient client;
  private final MailboxStore store;
  private final Intake intake;
  private final ImapConfig config;
  private final InboxConfig inbox;

  MailboxPoller(
      ImapClient client, MailboxStore store, Intake intake, ImapConfig config, InboxConfig inbox) {
    this.client = client;
    this.store = store;
    this.intake = intake;
    this.config = config;
    this.inbox = inbox;
  }

  PollResult poll(Mailbox mailbox, Login login, TaskContext ctx) throws ImapFailure {
    try (var open = client.open(login)) {
      return read(mailbox, open, ctx);
    } catch (MessagingException e) {
      throw ImapClient.failure(e, login);
    } catch (IOException e) {
      throw new ImapFailure(
          ImapFailure.Kind.UNREACHABLE, "Reading " + login + " broke off: " + e.getMessage(), e);
    }
  }

  private PollResult read(Mailbox mailbox, ImapClient.OpenFolder open, TaskContext ctx)
      throws MessagingException, IOException {
    var uids = open.uids();
    long validity = uids.getUIDValidity();
    long after = mailbox.lastUid();
    if (mailbox.uidValidity() == null || mailbox.uidValidity() != validity) {
      if (mailbox.uidValidity() != null) {
        LOG.infof(
            "Mailbox %s: UIDVALIDITY changed from %d to %d, reading folder %s from the start",
            mailbox.id(), mailbox.uidValidity(), validity, mailbox.folder());
      }
      store.restart(mailbox.id(), validity);
      after = 0;
    }
    var batch = newMessages(open.folder(), uids, after);
    var counts = new Counts();
    long lastUid = after;
    for (int i = 0; i < batch.messages().size() && !ctx.isCancelled(); i++) {
      var message = batch.messages().get(i);
      long uid = uids.getUID(message);
      ctx.progress(i, batch.messages().size(), "message UID " + uid);
      offer(mailbox, validity, uid, message, open.folder(), counts);
      store.advance(mailbox.id(), validity, uid);
      counts.messages++;
      lastUid = uid;
    }
    ctx.progress(counts.messages, batch.messages().size(), "done");
    return new PollResult(
        counts.messages,
        counts.created,
        counts.duplicates,
        counts.skipped,
        counts.unreadable,
        lastUid,
        batch.more() || counts.messages < batch.messages().size());
  }

  private record Batch(List<Message> messages, boolean more) {}

  /**
   * The oldest {@code max-messages-per-poll} messages above {@code after}. Only their UIDs are
   * fetched for the whole range; headers only for the batch.
   */
  private Batch newMessages(Folder folder, UIDFolder uids, long after) throws MessagingException {
    // "n:*" always includes the highest UID, even below n: the filter drops it then.
    var range = uids.getMessagesByUID(after + 1, UIDFolder.MAXUID);
    var withUids = new FetchProfile();
    withUids.add(UIDFolder.FetchProfileItem.UID);
    folder.fetch(range, withUids);
    var fresh =
        Arrays.stream(range)
            .filter(m -> m != null && !m.isExpunged() && uid(uids, m) > after)
            .sorted(Comparator.comparingLong(m -> uid(uids, m)))
            .toList();
    int max = config.maxMessagesPerPoll();
    var batch = fresh.size() > max ? fresh.subList(0, max) : fresh;
    var headers = new FetchProfile();
    // With Angus, ENVELOPE brings INTERNALDATE and RFC822.SIZE along.
    headers.add(FetchProfile.Item.ENVELOPE);
    headers.add("Message-ID");
    folder.fetch(batch.toArray(Message[]::new), headers);
    return new Batch(batch, fresh.size() > max);
  }

  private void offer(
      Mailbox mailbox, long validity, long uid, Message message, Folder folder, Counts counts)
      throws MessagingException, IOException {
    try {
      long maxSize = inbox.maxEmailSize().asLongValue();
      if (message.getSize() > maxSize) {
        LOG.infof(
            "Mailbox %s: skipped message UID %d of %d bytes, larger than %d"
                + " (nightshift.inbox.max-email-size)",
            mailbox.id(), uid, message.getSize(), maxSize);
        counts.skipped++;
        return;
      }
      var prefix = "imap:" + messageKey(mailbox, validity, uid, message) + "/";
      var sender = sender(message);
      var subject = message.getSubject();
      // One download of the whole message, parsed here, rather than a fetch per MIME part: no
      // round trip per attachment, and no reliance on the server's own MIME parser, which some
      // servers get wrong for forwarded mails inside multiparts.
      var local = new MimeMessage((MimeMessage) message);
      for (var attachment : Attachments.in(local)) {
        offer(mailbox, prefix, attachment, sender, subject, counts);
      }
    } catch (MessagingException | IOException e) {
      if (connectionLost(e, folder)) {
        throw e;
      }
      // A malformed mail would fail every poll after it: it is passed over, not retried.
      LOG.warnf(
          "Mailbox %s: message UID %d could not be read and is passed over: %s",
          mailbox.id(), uid, e.getMessage());
      counts.unreadable++;
    }
  }

  private void offer(
      Mailbox mailbox,
      String prefix,
      Attachments.Attachment attachment,
      String sender,
      String subject,
      Counts counts)
      throws MessagingException, IOException {
    long limit = inbox.maxDocumentSize().asLongValue();
    var content = attachment.read(limit);
    if (content == null) {
      tooLarge(mailbox, attachment.fileName(), limit, counts);
      return;
    }
    try {
      var received =
          intake.accept(
              mailbox.teamId(),
              new Incoming(
                  Source.IMAP,
                  prefix + attachment.index(),
                  attachment.fileName(),
                  attachment.contentType(),
                  content,
                  sender,
                  subject));
      switch (received.outcome()) {
        case CREATED -> counts.created++;
        case DUPLICATE -> counts.duplicates++;
        case SKIPPED -> {
          LOG.debugf(
              "Mailbox %s: skipped '%s': %s",
              mailbox.id(), attachment.fileName(), received.reason());
          counts.skipped++;
        }
      }
    } catch (DocumentTooLargeException e) {
      tooLarge(mailbox, attachment.fileName(), limit, counts);
    }
  }

  private static void tooLarge(Mailbox mailbox, String fileName, long limit, Counts counts) {
    LOG.infof(
        "Mailbox %s: skipped '%s', larger than %d bytes (nightshift.inbox.max-document-size)",
        mailbox.id(), fileName, limit);
    counts.skipped++;
  }

  /**
   * The Message-ID, which stays the same when the mail is read again from another folder or after a
   * UIDVALIDITY change; without one, the mailbox, UIDVALIDITY and UID.
   */
  private static String messageKey(Mailbox mailbox, long validity, long uid, Message message)
      throws MessagingException {
    var ids = message.getHeader("Message-ID");
    if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
      var id = ids[0].strip();
      return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }
    return mailbox.id() + "/" + validity + "/" + uid;
  }

  private static String sender(Message message) throws MessagingException {
    var from = message.getFrom();
    if (from == null || from.length == 0) {
      return null;
    }
    return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
  }

  private static boolean connectionLost(Exception e, Folder folder) {
    if (e instanceof MessageRemovedException) {
      return false;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FolderClosedException
          || cause instanceof StoreClosedException
          || cause instanceof SocketException
          || cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return !folder.isOpen();
  }

  private static long uid(UIDFolder uids, Message message) {
    try {
      return uids.getUID(message);
    } catch (MessagingException e) {
      return -1;
    }
  }

  private static final class Counts {
    int messages;
    int created;
    int duplicates;
    int skipped;
    int unreadable;
  }
}
