package dev.nightshift.inbox.imap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code nightshift.inbox.imap.*}: how team mailboxes are polled. Which hosts a mailbox may name is
 * the platform's {@code nightshift.outbound.allowed-networks}.
 */
@ConfigMapping(prefix = "nightshift.inbox.imap")
public interface ImapConfig {

  /**
   * How often each mailbox is polled. Counted from the Unix epoch and spread by the mailbox id, so
   * that mailboxes do not all poll at the same second. Changing it applies to mailboxes created
   * afterwards and to those whose schedule is renewed (reactivated).
   */
  @WithDefault("5m")
  Duration pollInterval();

  /** How long opening the TCP connection to the IMAP server may take. */
  @WithDefault("10s")
  Duration connectTimeout();

  /** The longest silence while waiting for an IMAP answer, a message body included. */
  @WithDefault("30s")
  Duration readTimeout();

  /**
   * Messages one poll reads at most, oldest UID first. A backlog beyond it is read by follow-up
   * runs that start as soon as the previous one ends.
   */
  @WithDefault("100")
  int maxMessagesPerPoll();

  /**
   * Failed polls in a row (wrong password, a folder that is gone, a server unreachable through
   * every attempt of a run) after which the mailbox is DISABLED and its schedule paused.
   */
  @WithDefault("5")
  int disableAfterFailures();
}
