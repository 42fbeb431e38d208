package dev.nightshift.inbox.imap;

import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.TriggerResult;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.outbound.AddressGuard;
import dev.nightshift.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Adding, changing and removing a team's mailboxes, each with its schedule. The host must not be an
 * address the outbound guard refuses; with {@code verify}, the login and the folder are tried
 * before anything is stored, so a wrong password is answered at once rather than at the first poll.
 * Rules broken are answered as 422 problems.
 */
@ApplicationScoped
class Mailboxes {

  /** A DNS name, an IPv4 address, or an IPv6 address (it has a colon). */
  private static final Pattern HOST =
      Pattern.compile(
          "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?"
              + "|[0-9a-f:.]*:[0-9a-f:.]*");

  private final MailboxStore store;
  private final MailboxSchedule schedule;
  private final ImapClient client;
  private final ImapPollTask poll;
  private final AddressGuard guard;

  Mailboxes(
      MailboxStore store,
      MailboxSchedule schedule,
      ImapClient client,
      ImapPollTask poll,
      AddressGuard guard) {
    this.store = store;
    this.schedule = schedule;
    this.client = client;
    this.poll = poll;
    this.guard = guard;
  }

  Mailbox create(UUID team, Login login, boolean verify) {
    checkHost(login.host());
    if (verify) {
      verify(login);
    }
    var id = Ids.next();
    try {
      return QuarkusTransaction.requiringNew()
          .call(() -> store.insert(id, team, login, schedule.ensure(team, id)));
    } catch (DuplicateMailboxException e) {
      throw ProblemException.conflict(e.getMessage());
    }
  }

  /** Changes what is given; a new password or folder is tried first with {@code verify}. */
  Mailbox update(Mailbox mailbox, String password, String folder, Boolean active, boolean verify) {
    var id = mailbox.id();
    if (verify && (password != null || folder != null)) {
      var current = store.login(id).orElseThrow(() -> ProblemException.notFound("mailbox", id));
      var changed =
          new Login(
              current.host(),
              current.port(),
              current.security(),
              current.username(),
              password == null ? current.password() : password,
              folder == null ? current.folder() : folder);
      checkHost(changed.host());
      verify(changed);
    }
    try {
      QuarkusTransaction.requiringNew().run(() -> change(mailbox, password, folder, active));
    } catch (DuplicateMailboxException e) {
      throw ProblemException.conflict(e.getMessage());
    }
    return store.find(id).orElseThrow(() -> ProblemException.notFound("mailbox", id));
  }

  void delete(Mailbox mailbox) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              schedule.delete(mailbox.scheduleId());
              store.delete(mailbox.id());
            });
  }

  /** Polls the mailbox now, after any poll of the team's that is running. */
  TriggerResult pollNow(Mailbox mailbox) {
    if (mailbox.status() == MailboxStatus.DISABLED) {
      throw ProblemException.conflict(
          "The mailbox is disabled; activate it (PATCH with active: true) before polling it.");
    }
    return poll.trigger(mailbox, TriggerOptions.defaults());
  }

  /** 422 unless the host is well-formed, resolves, and resolves to no refused address. */
  void checkHost(String host) {
    if (!HOST.matcher(host).matches()) {
      throw ProblemException.unprocessable(
          "invalid-mailbox", "host must be a DNS name or an IP address, not '" + host + "'.");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw ProblemException.unprocessable("unknown-host", host + " does not resolve.");
    }
    for (var address : addresses) {
      var refused = guard.refusal(address);
      if (refused.isPresent()) {
        throw ProblemException.unprocessable(
            "refused-address",
            new RefusedAddressException(host, address, refused.get()).getMessage() + ".");
      }
    }
  }

  private void change(Mailbox mailbox, String password, String folder, Boolean active) {
    var id = mailbox.id();
    if (password != null) {
      store.changePassword(id, password);
    }
    if (folder != null && !folder.equals(mailbox.folder())) {
      store.changeFolder(id, folder);
    }
    if (Boolean.TRUE.equals(active)) {
      store.activate(id);
      store.setSchedule(id, schedule.ensure(mailbox.teamId(), id));
    } else if (Boolean.FALSE.equals(active)) {
      store.deactivate(id);
      schedule.pause(mailbox.scheduleId());
    }
  }

  private void verify(Login login) {
    try {
      client.verify(login);
    } catch (ImapFailure failure) {
      var slug =
          switch (failure.kind()) {
            case AUTHENTICATION -> "mailbox-login-failed";
            case UNKNOWN_FOLDER -> "mailbox-folder-not-found";
            case REFUSED_ADDRESS -> "refused-address";
            case TLS -> "mailbox-tls-failed";
            default -> "mailbox-unreachable";
          };
      throw ProblemException.unprocessable(slug, failure.getMessage());
    }
  }
}
