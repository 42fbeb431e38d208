package dev.nightshift.engine.runtime.schedule;

import dev.nightshift.engine.InvalidScheduleException;
import dev.nightshift.engine.Schedule;
import dev.nightshift.engine.ScheduleDefinition;
import dev.nightshift.engine.Schedules;
import dev.nightshift.engine.TriggerResult;
import dev.nightshift.engine.runtime.task.TaskRegistry;
import dev.nightshift.engine.runtime.trigger.RunRows;
import dev.nightshift.platform.database.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The engine's {@link Schedules}: checks definitions, then stores them with their fire times. */
@ApplicationScoped
public class DefaultSchedules implements Schedules {

  private final ScheduleStore store;
  private final TaskRegistry tasks;
  private final RunRows runs;
  private final ScheduleTriggers triggers;
  private final SchedulerConfig config;

  DefaultSchedules(
      ScheduleStore store,
      TaskRegistry tasks,
      RunRows runs,
      ScheduleTriggers triggers,
      SchedulerConfig config) {
    this.store = store;
    this.tasks = tasks;
    this.runs = runs;
    this.triggers = triggers;
    this.config = config;
  }

  @Override
  public Schedule create(ScheduleDefinition definition) {
    if (definition.deduplicationKey() != null) {
      return ensure(definition);
    }
    var row = row(Ids.next(), definition);
    store.insert(row);
    return require(row.id());
  }

  @Override
  public Schedule ensure(ScheduleDefinition definition) {
    return ensureAndTell(definition).schedule();
  }

  /** What {@link #ensure} did: created a schedule, or updated the one the key names. */
  public record Ensured(Schedule schedule, boolean created) {}

  public Ensured ensureAndTell(ScheduleDefinition definition) {
    if (definition.deduplicationKey() == null) {
      throw new InvalidScheduleException("Ensuring a schedule needs a deduplication key.");
    }
    var row = row(Ids.next(), definition);
    var id = store.upsert(row);
    return new Ensured(require(id), id.equals(row.id()));
  }

  @Override
  public Optional<Schedule> update(UUID id, ScheduleDefinition definition) {
    var existing = store.find(id);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    var row = row(id, definition.withTeam(existing.get().teamId()));
    return store.update(row) ? store.find(id).map(StoredSchedule::view) : Optional.empty();
  }

  @Override
  public boolean delete(UUID id) {
    return store.delete(id);
  }

  @Override
  public Optional<Schedule> pause(UUID id) {
    return store.setActive(id, false, null) ? find(id) : Optional.empty();
  }

  @Override
  public Optional<Schedule> resume(UUID id) {
    var schedule = store.find(id);
    if (schedule.isEmpty()) {
      return Optional.empty();
    }
    var next = schedule.get().fireTimes().next(Instant.now());
    if (next == null) {
      throw new InvalidScheduleException("Schedule " + id + " never fires again.");
    }
    store.setActive(id, true, next);
    return find(id);
  }

  @Override
  public Optional<TriggerResult> triggerNow(UUID id) {
    return triggers.triggerNow(id);
  }

  @Override
  public Optional<Schedule> find(UUID id) {
    return store.find(id).map(StoredSchedule::view);
  }

  @Override
  public List<Schedule> list(Filter filter) {
    return store.list(filter).stream().map(StoredSchedule::view).toList();
  }

  @Override
  public List<Instant> nextFireTimes(ScheduleDefinition definition, Instant after, int count) {
    var cadence = Cadence.of(definition.cron(), definition.interval(), definition.timezone());
    var offset = Spread.offset(definition.externalId(), cadence, spread(definition), after);
    return new FireTimes(cadence, offset).next(after, count);
  }

  /** Checks the definition and works out what follows from it: payload, offset, first time. */
  private ScheduleStore.Row row(UUID id, ScheduleDefinition definition) {
    if (definition.task() == null) {
      throw new InvalidScheduleException("A schedule needs a task.");
    }
    var task = tasks.get(definition.task());
    var cadence = Cadence.of(definition.cron(), definition.interval(), definition.timezone());
    var spread = spread(definition);
    var payload =
        runs.validated(task, definition.payload() == null ? Map.of() : definition.payload());
    var now = Instant.now();
    var offset = Spread.offset(definition.externalId(), cadence, spread, now);
    var next = new FireTimes(cadence, offset).next(now);
    var stored =
        new ScheduleDefinition(
            definition.task(),
            definition.cron(),
            definition.interval(),
            definition.timezone(),
            definition.externalId(),
            definition.deduplicationKey(),
            payload,
            definition.teamId(),
            definition.overlap(),
            definition.catchUp(),
            spread);
    return new ScheduleStore.Row(id, stored, offset, next, payload.toString());
  }

  private Duration spread(ScheduleDefinition definition) {
    var spread = definition.spread() == null ? config.maxSpread() : definition.spread();
    if (spread.isNegative()) {
      throw new InvalidScheduleException("The spread cannot be negative.");
    }
    return spread;
  }

  private Schedule require(UUID id) {
    return find(id).orElseThrow(() -> new IllegalStateException("Schedule " + id + " vanished"));
  }
}
