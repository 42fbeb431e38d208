package dev.nightshift.engine.runtime.schedule;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Engine.BatchItem;
import dev.nightshift.engine.InvalidPayloadException;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.TriggerResult;
import dev.nightshift.engine.UnknownTaskException;
import dev.nightshift.engine.runtime.schedule.DueSchedules.Advance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every node with {@code nightshift.scheduler.enabled}, every {@code poll-interval}: claims due
 * schedules, triggers their runs and moves them to their next fire time, all in one transaction per
 * batch. A fire time's run has the idempotency key {@code schedule:<id>:<fire time>}, so even a
 * fire time claimed twice (it cannot be, while the row lock holds) would make one run.
 */
@ApplicationScoped
public class ScheduleTicker {

  private static final Logger LOG = Logger.getLogger(ScheduleTicker.class);

  private final DueSchedules due;
  private final Engine engine;
  private final SchedulerConfig config;
  private final ScheduleMetrics metrics;
  private ScheduledExecutorService timer;
  private volatile boolean failing;

  ScheduleTicker(DueSchedules due, Engine engine, SchedulerConfig config, ScheduleMetrics metrics) {
    this.due = due;
    this.engine = engine;
    this.config = config;
    this.metrics = metrics;
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("engine-scheduler").daemon().factory());
    long every = config.pollInterval().toMillis();
    timer.scheduleWithFixedDelay(this::tickLogged, every, every, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** Fires every schedule that is due now, batch by batch; returns the runs it triggered. */
  public int tick() {
    int triggered = 0;
    while (true) {
      var batch = QuarkusTransaction.requiringNew().call(this::fireOneBatch);
      metrics.record(batch.fired(), batch.skipped());
      triggered += batch.fired().values().stream().mapToInt(Integer::intValue).sum();
      if (batch.claimed() < config.claimBatch()) {
        return triggered;
      }
    }
  }

  private void tickLogged() {
    try {
      tick();
      if (failing) {
        failing = false;
        LOG.info("Schedules fire again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.warnf(e, "Schedules could not fire; trying again every poll interval");
      }
    }
  }

  /** What one batch did: schedules claimed, and fire times with and without a run by task. */
  private record Batch(int claimed, Map<String, Integer> fired, Map<String, Integer> skipped) {}

  private Batch fireOneBatch() throws Exception {
    var claim = due.claim(config.claimBatch());
    var advances = new ArrayList<Advance>();
    var byTask = new LinkedHashMap<String, List<Fire>>();
    var fired = new HashMap<String, Integer>();
    var skipped = new HashMap<String, Integer>();
    for (var schedule : claim.schedules()) {
      var firing =
          Firing.decide(
              schedule.fireTimes(),
              schedule.nextRunAt(),
              claim.now(),
              schedule.catchUp(),
              schedule.overlap(),
              schedule.previousRunning(),
              config.misfireThreshold());
      if (firing.fireTime() == null) {
        advances.add(new Advance(schedule.id(), firing.next(), null, null));
        skipped.merge(schedule.task(), 1, Integer::sum);
      } else {
        byTask
            .computeIfAbsent(schedule.task(), t -> new ArrayList<>())
            .add(new Fire(schedule, firing));
      }
    }
    for (var group : byTask.entrySet()) {
      var runs = trigger(group.getKey(), group.getValue());
      for (int i = 0; i < runs.size(); i++) {
        var fire = group.getValue().get(i);
        var run = runs.get(i);
        advances.add(
            new Advance(
                fire.schedule().id(),
                fire.firing().next(),
                run == null ? null : run.id(),
                run == null ? null : fire.firing().fireTime()));
        if (run == null) {
          skipped.merge(group.getKey(), 1, Integer::sum);
        } else if (!run.isCached()) {
          fired.merge(group.getKey(), 1, Integer::sum);
        }
      }
    }
    if (!advances.isEmpty()) {
      due.advance(advances);
    }
    return new Batch(claim.schedules().size(), fired, skipped);
  }

  /**
   * One round trip for all fires of a task. If one of them is refused (its task is no longer
   * deployed, its payload no longer fits), each is tried alone and the refused ones log and pass.
   */
  private List<TriggerResult> trigger(String task, List<Fire> fires) {
    try {
      return engine.batchTrigger(task, fires.stream().map(Fire::item).toList());
    } catch (UnknownTaskException | InvalidPayloadException e) {
      var results = new ArrayList<TriggerResult>(fires.size());
      for (var fire : fires) {
        try {
          results.add(engine.trigger(task, fire.item().payload(), fire.item().options()));
        } catch (UnknownTaskException | InvalidPayloadException one) {
          LOG.warnf(
              "Schedule %s did not fire at %s: %s",
              fire.schedule().id(), fire.firing().fireTime(), one.getMessage());
          results.add(null);
        }
      }
      return results;
    }
  }

  /**
   * The trigger options of a schedule's run for a fire time. A team's runs carry the team as their
   * concurrency key, so a task's concurrency limit holds per team (one sync per team at a time).
   */
  static TriggerOptions options(StoredSchedule schedule, Instant fireTime, String key) {
    var metadata = new LinkedHashMap<String, Object>();
    metadata.put("scheduleId", schedule.id().toString());
    metadata.put("fireTime", fireTime.toString());
    if (schedule.externalId() != null) {
      metadata.put("externalId", schedule.externalId());
    }
    var options =
        TriggerOptions.defaults()
            .withTeam(schedule.teamId())
            .withTags(List.of(tag(schedule.id())))
            .withMetadata(Map.copyOf(metadata));
    if (schedule.teamId() != null) {
      options = options.withConcurrencyKey(schedule.teamId().toString());
    }
    return key == null ? options : options.withIdempotencyKey(key, null);
  }

  /** Every run of a schedule carries this tag: {@code GET /api/v1/runs?tag=schedule:<id>}. */
  static String tag(UUID scheduleId) {
    return "schedule:" + scheduleId;
  }

  private record Fire(StoredSchedule schedule, Firing firing) {
    BatchItem item() {
      var fireTime = firing.fireTime();
      var key = tag(schedule.id()) + ":" + fireTime;
      return new BatchItem(schedule.payload(), options(schedule, fireTime, key));
    }
  }
}
