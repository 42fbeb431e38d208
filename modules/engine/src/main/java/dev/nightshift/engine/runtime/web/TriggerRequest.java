package dev.nightshift.engine.runtime.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/tasks/{task}/trigger}, and one item of a batch.
 *
 * @param payload the task's payload: a JSON object
 */
public record TriggerRequest(@NotNull ObjectNode payload, @Valid Options options) {

  private static final String DURATION = "\\d+(ms|s|m|h|d)|P.+";

  /**
   * Trigger options in the shape of Trigger.dev's API. Durations are like {@code 30s}, {@code 10m},
   * {@code 1h}, {@code 2d} or ISO-8601.
   */
  public record Options(
      @Size(max = 256) String idempotencyKey,
      @Pattern(regexp = DURATION, message = "must be a duration like 30s, 10m, 1h or 2d")
          String idempotencyKeyTTL,
      @Size(max = 256) String concurrencyKey,
      @Pattern(regexp = DURATION, message = "must be a duration like 30s, 10m, 1h or 2d")
          String delay,
      Instant runAt,
      @Min(-1000) @Max(1000) Integer priority,
      @Pattern(regexp = DURATION, message = "must be a duration like 30s, 10m, 1h or 2d")
          String ttl,
      @Size(max = 10) List<@NotNull @Size(min = 1, max = 128) String> tags,
      Map<String, Object> metadata,
      @Size(min = 1, max = 128) String queue,
      UUID teamId) {}
}
