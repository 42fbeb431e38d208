package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.platform.auth.Caller;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;

/** Turns API options into engine options, with the caller's team. */
final class TriggerOptionsMapping {

  private TriggerOptionsMapping() {}

  /**
   * A team key triggers for its own team; the admin for the team it names, or for none (system
   * runs, visible to the admin only).
   */
  static TriggerOptions from(TriggerRequest.Options options, Caller caller) {
    var result = TriggerOptions.defaults();
    var team = caller.team();
    if (options == null) {
      return team.map(result::withTeam).orElse(result);
    }
    if (team.isPresent() && options.teamId() != null && !options.teamId().equals(team.get())) {
      throw new ProblemException(
          Problem.of(
              Status.FORBIDDEN, "other-team", "A team key triggers runs for its own team only."));
    }
    result = result.withTeam(team.orElse(options.teamId()));
    if (options.idempotencyKey() != null) {
      result =
          result.withIdempotencyKey(
              options.idempotencyKey(), duration(options.idempotencyKeyTTL()));
    }
    if (options.concurrencyKey() != null) {
      result = result.withConcurrencyKey(options.concurrencyKey());
    }
    if (options.runAt() != null) {
      result = result.withRunAt(options.runAt());
    } else if (options.delay() != null) {
      result = result.withDelay(duration(options.delay()));
    }
    if (options.priority() != null) {
      result = result.withPriority(options.priority());
    }
    if (options.ttl() != null) {
      result = result.withTtl(duration(options.ttl()));
    }
    if (options.tags() != null) {
      result = result.withTags(options.tags());
    }
    if (options.metadata() != null) {
      result = result.withMetadata(options.metadata());
    }
    if (options.queue() != null) {
      result = result.withQueue(options.queue());
    }
    return result;
  }

  private static Duration duration(String value) {
    if (value == null) {
      return null;
    }
    try {
      return DurationConverter.parseDuration(value);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Problem.of(
              422,
              "Unprocessable Content",
              "invalid-duration",
              "'" + value + "' is not a duration; use 30s, 10m, 1h, 2d or ISO-8601 such as PT1H."));
    }
  }
}
