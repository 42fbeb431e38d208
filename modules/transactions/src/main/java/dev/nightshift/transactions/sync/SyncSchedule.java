package dev.nightshift.transactions.sync;

import dev.nightshift.engine.OverlapPolicy;
import dev.nightshift.engine.ScheduleDefinition;
import dev.nightshift.engine.Schedules;
import dev.nightshift.transactions.config.TransactionsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Every team's hourly {@code transactions-sync}: one schedule per team (deduplication key {@value
 * #KEY}), spread over the hour by the team id, skipped while the previous sync runs.
 */
@ApplicationScoped
class SyncSchedule {

  static final String KEY = "transactions-sync";

  private final Schedules schedules;
  private final TransactionsConfig config;

  SyncSchedule(Schedules schedules, TransactionsConfig config) {
    this.schedules = schedules;
    this.config = config;
  }

  /** Creates the team's schedule, or leaves it as it is. */
  UUID ensure(UUID team) {
    return schedules
        .ensure(
            ScheduleDefinition.cron(SyncTask.ID, config.syncCron(), new SyncTask.Payload(team))
                .withTeam(team)
                .withExternalId(team.toString())
                .withDeduplicationKey(KEY)
                .withOverlap(OverlapPolicy.SKIP))
        .id();
  }

  /** Removes the schedules of a team that no longer exists; returns how many. */
  int remove(UUID team) {
    int removed = 0;
    for (var schedule : schedules.list(new Schedules.Filter(team, SyncTask.ID, null, null, 100))) {
      if (schedules.delete(schedule.id())) {
        removed++;
      }
    }
    return removed;
  }
}
