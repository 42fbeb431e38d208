package dev.nightshift.engine.runtime.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightshift.engine.CatchUpPolicy;
import dev.nightshift.engine.OverlapPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * {@code POST /api/v1/schedules} and {@code PUT /api/v1/schedules/{id}}, in the shape of
 * Trigger.dev's schedules API where it has the field. Exactly one of {@code cron} (five-field Unix)
 * and {@code interval} (a duration like {@code 30m} or ISO-8601).
 */
public record ScheduleRequest(
    @NotBlank @Size(max = 128) String task,
    @Size(max = 256) String cron,
    @Size(max = 64) String interval,
    @Size(max = 64) String timezone,
    @Size(max = 256) String externalId,
    @Size(max = 256) String deduplicationKey,
    ObjectNode payload,
    UUID teamId,
    OverlapPolicy overlap,
    CatchUpPolicy catchUp,
    @Size(max = 64) String spread) {}
