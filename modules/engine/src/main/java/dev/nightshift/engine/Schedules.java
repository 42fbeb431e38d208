package dev.nightshift.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Dynamic schedules: rows that fire a task at the times of a cron expression or an interval, in a
 * time zone, created and changed at run time (for example one hourly sync per team). Thread-safe;
 * inject it anywhere.
 *
 * <p><b>Exactly one run per fire time.</b> Every node with {@code nightshift.scheduler.enabled}
 * looks for due schedules every {@code nightshift.scheduler.poll-interval}, claims them with {@code
 * FOR UPDATE SKIP LOCKED}, and in the same transaction triggers the run (idempotency key {@code
 * schedule:<id>:<fire time>}) and moves the schedule to its next fire time. However many nodes
 * tick, each fire time becomes one run cluster-wide; it starts up to a poll interval late.
 *
 * <p><b>Transactions.</b> Every method joins the caller's transaction when there is one.
 *
 * <p><b>Errors.</b> {@link UnknownTaskException}, {@link InvalidScheduleException}, {@link
 * InvalidPayloadException} (the payload does not fit the task) and {@link
 * DuplicateScheduleException} leave nothing changed.
 */
public interface Schedules {

  /**
   * Stores a new schedule; it fires first at its next fire time after now. With a deduplication key
   * that already names a schedule of the same team, it is {@link #ensure} instead.
   */
  Schedule create(ScheduleDefinition definition);

  /**
   * Creates the schedule, or updates the one of the same team with the same deduplication key:
   * idempotent, safe to call at every start or every team setup. A paused schedule stays paused;
   * the next fire time changes only when the timing (cron, interval, time zone, spread) does.
   *
   * @throws InvalidScheduleException without a deduplication key
   */
  Schedule ensure(ScheduleDefinition definition);

  /**
   * Replaces what the schedule fires and when; its team, state and history stay. Empty if there is
   * no such schedule.
   */
  Optional<Schedule> update(UUID id, ScheduleDefinition definition);

  /** Deletes the schedule; runs it triggered stay. False if there was none. */
  boolean delete(UUID id);

  /** Stops firing until {@link #resume}; empty if there is no such schedule. */
  Optional<Schedule> pause(UUID id);

  /**
   * Fires again from the next fire time after now: the times that passed while paused make no run.
   */
  Optional<Schedule> resume(UUID id);

  /**
   * Triggers one run now with the schedule's task, payload and team, paused or not, whatever its
   * overlap policy; the schedule's own fire times do not change. Empty if there is no such
   * schedule.
   */
  Optional<TriggerResult> triggerNow(UUID id);

  Optional<Schedule> find(UUID id);

  /** Schedules in creation order, filtered; page with {@code after}, the last id of a page. */
  List<Schedule> list(Filter filter);

  /** The next {@code count} fire times of a definition after {@code after}, spread included. */
  List<Instant> nextFireTimes(ScheduleDefinition definition, Instant after, int count);

  /**
   * Which schedules to list; null fields do not filter.
   *
   * @param teamId only this team's schedules
   * @param after only schedules created after the one with this id
   * @param limit at most this many
   */
  record Filter(UUID teamId, String task, String externalId, UUID after, int limit) {}
}
