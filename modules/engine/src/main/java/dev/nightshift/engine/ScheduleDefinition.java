package dev.nightshift.engine;

import java.time.Duration;
import java.util.UUID;

/**
 * What a dynamic schedule fires and when. Build with {@link #cron} or {@link #every} and the {@code
 * with...} methods; the engine checks it when it is stored ({@link InvalidScheduleException}).
 *
 * @param task the task id each fire time triggers
 * @param cron a Unix cron expression with five fields (minute, hour, day of month, month, day of
 *     week), read on the wall clock of {@code timezone}; or null with an {@code interval}
 * @param interval fire every this long, counted from the Unix epoch (so {@code 15m} fires at :00,
 *     :15, :30 and :45 in UTC); at least one second; or null with a {@code cron}
 * @param timezone an IANA time zone id such as {@code Europe/Berlin}; null means UTC. Intervals
 *     ignore it
 * @param externalId your own id for the schedule, for example the team it serves; also the key of
 *     its spread
 * @param deduplicationKey makes {@link Schedules#ensure} idempotent: one schedule per team and key
 * @param payload the payload of every run, read as the task's payload type; null means {@code {}}
 * @param teamId the team the schedule and its runs belong to; null for a system schedule
 * @param overlap what a fire time does while the previous run still runs; null means {@link
 *     OverlapPolicy#QUEUE}
 * @param catchUp what happens to fire times missed during downtime; null means {@link
 *     CatchUpPolicy#ONE}
 * @param spread the widest window the fire times are moved by, to spread schedules with different
 *     external ids; null means {@code nightshift.scheduler.max-spread}, zero turns spreading off.
 *     Never wider than the shortest gap between two fire times; no spread without an external id
 */
public record ScheduleDefinition(
    String task,
    String cron,
    Duration interval,
    String timezone,
    String externalId,
    String deduplicationKey,
    Object payload,
    UUID teamId,
    OverlapPolicy overlap,
    CatchUpPolicy catchUp,
    Duration spread) {

  public ScheduleDefinition {
    timezone = timezone == null ? "UTC" : timezone;
    overlap = overlap == null ? OverlapPolicy.QUEUE : overlap;
    catchUp = catchUp == null ? CatchUpPolicy.ONE : catchUp;
  }

  /** Fires {@code task} at the times of a five-field Unix {@code cron}, in UTC until changed. */
  public static ScheduleDefinition cron(String task, String cron, Object payload) {
    return new ScheduleDefinition(
        task, cron, null, null, null, null, payload, null, null, null, null);
  }

  /** Fires {@code task} every {@code interval}, counted from the Unix epoch. */
  public static ScheduleDefinition every(String task, Duration interval, Object payload) {
    return new ScheduleDefinition(
        task, null, interval, null, null, null, payload, null, null, null, null);
  }

  public ScheduleDefinition withTimezone(String value) {
    var copy = new Copy(this);
    copy.timezone = value;
    return copy.build();
  }

  public ScheduleDefinition withExternalId(String value) {
    var copy = new Copy(this);
    copy.externalId = value;
    return copy.build();
  }

  public ScheduleDefinition withDeduplicationKey(String value) {
    var copy = new Copy(this);
    copy.deduplicationKey = value;
    return copy.build();
  }

  public ScheduleDefinition withTeam(UUID value) {
    var copy = new Copy(this);
    copy.teamId = value;
    return copy.build();
  }

  public ScheduleDefinition withOverlap(OverlapPolicy value) {
    var copy = new Copy(this);
    copy.overlap = value;
    return copy.build();
  }

  public ScheduleDefinition withCatchUp(CatchUpPolicy value) {
    var copy = new Copy(this);
    copy.catchUp = value;
    return copy.build();
  }

  public ScheduleDefinition withSpread(Duration value) {
    var copy = new Copy(this);
    copy.spread = value;
    return copy.build();
  }

  /** A changeable copy, so that each {@code with...} method names only what it changes. */
  private static final class Copy {
    private final String task;
    private final String cron;
    private final Duration interval;
    private final Object payload;
    private String timezone;
    private String externalId;
    private String deduplicationKey;
    private UUID teamId;
    private OverlapPolicy overlap;
    private CatchUpPolicy catchUp;
    private Duration spread;

    private Copy(ScheduleDefinition d) {
      task = d.task;
      cron = d.cron;
      interval = d.interval;
      payload = d.payload;
      timezone = d.timezone;
      externalId = d.externalId;
      deduplicationKey = d.deduplicationKey;
      teamId = d.teamId;
      overlap = d.overlap;
      catchUp = d.catchUp;
      spread = d.spread;
    }

    private ScheduleDefinition build() {
      return new ScheduleDefinition(
          task,
          cron,
          interval,
          timezone,
          externalId,
          deduplicationKey,
          payload,
          teamId,
          overlap,
          catchUp,
          spread);
    }
  }
}
