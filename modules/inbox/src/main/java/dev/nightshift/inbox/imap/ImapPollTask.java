package dev.nightshift.inbox.imap;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.TriggerResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Polls one mailbox: its new messages' files go to the inbox ({@link MailboxPoller}). A failure
 * that needs the user (wrong password, folder gone, refused host) fails the run at once and counts
 * against the mailbox; an unreachable server is retried, and counts only when every attempt failed.
 * After {@code disable-after-failures} failures in a row the mailbox is DISABLED and its schedule
 * paused.
 *
 * <p>Runs wait in their own queue with a limit of 1 per concurrency key, the team: the scheduler
 * keys a team's scheduled runs by the team, and {@link #trigger} does the same, so two polls of one
 * mailbox never overlap, and a team's mailboxes poll one after another. At most 8 polls run at once
 * across all nodes, so IMAP servers that all hang cannot take every worker. The queue is not {@code
 * inbox}: tasks sharing a queue share its strictest limit, which would leave process-document one
 * run at a time.
 */
@ApplicationScoped
@TaskDefinition(
    id = ImapPollTask.ID,
    queue = "inbox-imap",
    concurrencyLimit = 1,
    queueLimit = 8,
    maxAttempts = 3,
    backoffBase = "30s",
    maxDuration = "15m")
public class ImapPollTask implements Task<ImapPollTask.Payload, PollResult> {

  public static final String ID = "inbox-poll-mailbox";

  private static final Logger LOG = Logger.getLogger(ImapPollTask.class);

  public record Payload(@NotNull UUID mailboxId) {}

  private final MailboxStore store;
  private final MailboxPoller poller;
  private final MailboxSchedule schedule;
  private final Engine engine;
  private final ImapConfig config;

  ImapPollTask(
      MailboxStore store,
      MailboxPoller poller,
      MailboxSchedule schedule,
      Engine engine,
      ImapConfig config) {
    this.store = store;
    this.poller = poller;
    this.schedule = schedule;
    this.engine = engine;
    this.config = config;
  }

  @Override
  public PollResult run(Payload payload, TaskContext ctx) throws Exception {
    var id = payload.mailboxId();
    var mailbox = store.find(id).orElse(null);
    var login = store.login(id).orElse(null);
    if (mailbox == null || login == null || mailbox.status() == MailboxStatus.DISABLED) {
      return PollResult.none();
    }
    try {
      var result = poller.poll(mailbox, login, ctx);
      store.succeeded(id);
      if (result.more()) {
        // The backlog goes on right after this run rather than at the next fire time; the key
        // makes a retried attempt trigger it once.
        trigger(
            mailbox,
            TriggerOptions.defaults()
                .withIdempotencyKey(
                    ID + ":" + id + ":after:" + result.lastUid(), Duration.ofDays(1)));
      }
      return result;
    } catch (ImapFailure failure) {
      if (!failure.permanent() && ctx.attempt() < ctx.maxAttempts()) {
        store.noteError(id, failure.getMessage());
        throw failure;
      }
      var status = store.failed(id, failure.getMessage(), config.disableAfterFailures());
      if (status.orElse(null) == MailboxStatus.DISABLED) {
        schedule.pause(mailbox.scheduleId());
        LOG.warnf(
            "Mailbox %s is disabled after %d failed polls in a row: %s",
            id, config.disableAfterFailures(), failure.getMessage());
      }
      if (failure.permanent()) {
        throw new NonRetryableException(failure.getMessage(), failure);
      }
      throw failure;
    }
  }

  /** Triggers a poll of the mailbox, in line with its scheduled runs (same concurrency key). */
  TriggerResult trigger(Mailbox mailbox, TriggerOptions options) {
    return engine.trigger(
        ID,
        new Payload(mailbox.id()),
        options.withTeam(mailbox.teamId()).withConcurrencyKey(mailbox.teamId().toString()));
  }
}
