package dev.nightshift.inbox.imap;

import dev.nightshift.engine.OverlapPolicy;
import dev.nightshift.engine.ScheduleDefinition;
import dev.nightshift.engine.Schedules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Each mailbox's {@code inbox-poll-mailbox} schedule: every {@code nightshift.inbox.imap
 * .poll-interval}, spread by the mailbox id, skipped while the previous poll still runs. Every
 * method joins the caller's transaction.
 */
@ApplicationScoped
class MailboxSchedule {

  private final Schedules schedules;
  private final ImapConfig config;

  MailboxSchedule(Schedules schedules, ImapConfig config) {
    this.schedules = schedules;
    this.config = config;
  }

  /** Creates the mailbox's schedule, or renews its interval; either way it fires. */
  UUID ensure(UUID team, UUID mailbox) {
    var schedule =
        schedules.ensure(
            ScheduleDefinition.every(
                    ImapPollTask.ID, config.pollInterval(), new ImapPollTask.Payload(mailbox))
                .withTeam(team)
                .withExternalId(mailbox.toString())
                .withDeduplicationKey(ImapPollTask.ID + ":" + mailbox)
                .withOverlap(OverlapPolicy.SKIP));
    if (!schedule.active()) {
      schedules.resume(schedule.id());
    }
    return schedule.id();
  }

  void pause(UUID schedule) {
    if (schedule != null) {
      schedules.pause(schedule);
    }
  }

  void delete(UUID schedule) {
    if (schedule != null) {
      schedules.delete(schedule);
    }
  }
}
