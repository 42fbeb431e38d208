package dev.nightshift.webhooks.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * A delivery about to be stored, with the exact body it will send; written as the JSON rows of one
 * {@code jsonb_to_recordset}, hence the column names.
 */
record NewDelivery(
    UUID id,
    @JsonProperty("team_id") UUID teamId,
    @JsonProperty("subscription_id") UUID subscriptionId,
    @JsonProperty("event_id") UUID eventId,
    @JsonProperty("event_name") String eventName,
    String body) {}
