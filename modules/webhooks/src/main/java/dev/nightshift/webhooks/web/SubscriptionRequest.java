package dev.nightshift.webhooks.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.UUID;

/**
 * A new subscription. {@code secret} is generated when left out; {@code active} defaults to true;
 * {@code team} is for the admin key only.
 */
public record SubscriptionRequest(
    UUID team,
    @NotBlank String url,
    @NotEmpty List<String> events,
    String description,
    String secret,
    Boolean active) {}
