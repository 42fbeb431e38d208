package dev.nightshift.webhooks.subscription;

import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.outbound.AddressGuard;
import dev.nightshift.platform.outbound.OutboundException;
import dev.nightshift.webhooks.config.WebhooksConfig;
import dev.nightshift.webhooks.signature.WebhookSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creating and changing subscriptions, with their rules: an http(s) URL that does not name a
 * refused address, event names or patterns, and a secret in the Standard Webhooks form. A rule
 * broken is an {@link IllegalArgumentException} whose message says which and why.
 */
@ApplicationScoped
public class Subscriptions {

  static final int MAX_DESCRIPTION = 500;
  static final int MAX_EVENTS = 100;
  static final Duration MAX_OVERLAP = Duration.ofDays(30);

  private final SubscriptionStore store;
  private final AddressGuard guard;
  private final WebhooksConfig config;

  Subscriptions(SubscriptionStore store, AddressGuard guard, WebhooksConfig config) {
    this.store = store;
    this.guard = guard;
    this.config = config;
  }

  /** The new subscription and its secret, which the caller shows once. */
  public record Created(Subscription subscription, WebhookSecret secret) {}

  public Created create(
      UUID team,
      String url,
      List<String> events,
      String description,
      String secret,
      boolean active) {
    checkUrl(url);
    checkEvents(events);
    checkDescription(description);
    var signing = secret == null ? WebhookSecret.generate() : new WebhookSecret(secret);
    var created =
        store.insert(Ids.next(), team, url, List.copyOf(events), description, active, signing);
    return new Created(created, signing);
  }

  public Optional<Subscription> update(
      UUID id, String url, List<String> events, String description, Boolean active) {
    if (url != null) {
      checkUrl(url);
    }
    if (events != null) {
      checkEvents(events);
    }
    checkDescription(description);
    return store.update(id, url, events == null ? null : List.copyOf(events), description, active);
  }

  /**
   * Replaces the secret with {@code next} (a new one when null); the old one keeps signing for
   * {@code overlap} (the configured default when null), so receivers can switch without losing a
   * delivery.
   */
  public Optional<WebhookSecret> rotate(UUID id, String next, Duration overlap) {
    var window = overlap == null ? config.rotationOverlap() : overlap;
    if (window.isNegative() || window.compareTo(MAX_OVERLAP) > 0) {
      throw new IllegalArgumentException(
          "The overlap is between PT0S (the old secret stops at once) and " + MAX_OVERLAP + ".");
    }
    var secret = next == null ? WebhookSecret.generate() : new WebhookSecret(next);
    return store.rotate(id, secret, Instant.now().plus(window)).map(rotated -> secret);
  }

  private void checkUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("The URL is not valid: " + e.getMessage());
    }
    try {
      guard.checkUrl(uri);
    } catch (OutboundException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private static void checkEvents(List<String> events) {
    if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
      throw new IllegalArgumentException(
          "Name 1 to " + MAX_EVENTS + " events or patterns; * alone means every event.");
    }
    events.forEach(EventPattern::new);
  }

  private static void checkDescription(String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          "The description is at most " + MAX_DESCRIPTION + " characters.");
    }
  }
}
