package dev.nightshift.webhooks.web;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Redeliver a subscription's deliveries that failed and were made at or after {@code since}. */
public record RedeliveryRequest(@NotNull Instant since) {}
