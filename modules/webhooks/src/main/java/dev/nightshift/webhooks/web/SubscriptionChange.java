package dev.nightshift.webhooks.web;

import java.util.List;

/** What to change in a subscription; what is left out stays. */
public record SubscriptionChange(
    String url, List<String> events, String description, Boolean active) {}
