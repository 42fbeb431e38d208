package dev.nightshift.webhooks.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.nightshift.webhooks.subscription.Subscription;

/** A subscription as created, with its secret. */
public record CreatedSubscription(@JsonUnwrapped Subscription subscription, String secret) {}
