package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.ScheduleDefinition;
import dev.nightshift.platform.auth.Caller;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns a schedule request into a definition, for the caller's team. */
final class ScheduleMapping {

  // The durations trigger options take (TriggerRequest), so that one syntax serves the whole API.
  private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|m|h|d)|P.+");

  private ScheduleMapping() {}

  /**
   * A team key schedules for its own team; the admin for the team it names, or for none (a system
   * schedule, visible to the admin only).
   */
  static ScheduleDefinition definition(ScheduleRequest body, Caller caller) {
    var team = caller.team();
    if (team.isPresent() && body.teamId() != null && !body.teamId().equals(team.get())) {
      throw new ProblemException(
          Problem.of(
              Status.FORBIDDEN,
              "other-team",
              "A team key creates schedules for its own team only."));
    }
    UUID owner = team.orElse(body.teamId());
    return new ScheduleDefinition(
        body.task(),
        body.cron(),
        duration("interval", body.interval()),
        body.timezone(),
        body.externalId(),
        body.deduplicationKey(),
        body.payload(),
        owner,
        body.overlap(),
        body.catchUp(),
        duration("spread", body.spread()));
  }

  private static Duration duration(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      if (DURATION.matcher(value).matches()) {
        return DurationConverter.parseDuration(value);
      }
    } catch (IllegalArgumentException e) {
      // Answered below, like any other malformed value.
    }
    throw ProblemException.badRequest(
        "invalid-schedule",
        "'"
            + value
            + "' is not a valid "
            + field
            + "; use 30s, 10m, 1h, 2d or ISO-8601 such as PT1H.");
  }
}
