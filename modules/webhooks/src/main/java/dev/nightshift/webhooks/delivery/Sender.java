package dev.nightshift.webhooks.delivery;

import dev.nightshift.platform.outbound.OutboundException;
import dev.nightshift.platform.outbound.OutboundHttp;
import dev.nightshift.webhooks.config.WebhooksConfig;
import dev.nightshift.webhooks.signature.Signer;
import dev.nightshift.webhooks.subscription.Signing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One attempt: signs the stored body with every secret that signs now and POSTs it through the
 * platform's guarded client, which refuses private addresses and follows no redirect. It never
 * throws for what the endpoint does; the answer or the failure becomes the {@link Attempt}.
 */
@ApplicationScoped
class Sender {

  static final String USER_AGENT = "Nightshift-Webhooks/1";

  private final OutboundHttp http;
  private final WebhooksConfig config;
  // Built once: every delivery records into one of them.
  private final Map<String, Timer> attempts;

  Sender(OutboundHttp http, WebhooksConfig config, MeterRegistry meters) {
    this.http = http;
    this.config = config;
    this.attempts =
        Stream.of("success", "rejected", "error")
            .collect(
                Collectors.toMap(
                    outcome -> outcome,
                    outcome ->
                        Timer.builder("nightshift.webhooks.attempts")
                            .description("Delivery attempts, by what came of them")
                            .tag("outcome", outcome)
                            .register(meters)));
  }

  Attempt send(Delivery delivery, String storedBody, Signing signing) {
    var subscription = signing.subscription();
    var body = storedBody.getBytes(StandardCharsets.UTF_8);
    var now = Instant.now();
    var secrets = signing.secrets().signingAt(now);
    var id = delivery.id().toString();
    long timestamp = now.getEpochSecond();
    var headers = new LinkedHashMap<String, String>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", USER_AGENT);
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", Signer.standardWebhooks(secrets, id, timestamp, body));
    headers.put("X-Signature-256", Signer.hub(secrets, body));
    headers.put("X-Nightshift-Event", delivery.eventName());
    headers.put("X-Nightshift-Delivery", id);
    headers.put("X-Nightshift-Attempt", Integer.toString(delivery.attempts() + 1));
    long started = System.nanoTime();
    Attempt attempt;
    try {
      var response =
          http.post(URI.create(subscription.url()), headers, body, config.responseBodyLimit());
      attempt =
          new Attempt(
              now,
              elapsedMs(started),
              subscription.url(),
              response.status(),
              response.headers(),
              text(response.body()),
              response.truncated(),
              null);
    } catch (OutboundException e) {
      attempt =
          new Attempt(
              now, elapsedMs(started), subscription.url(), null, null, null, false, e.getMessage());
    }
    attempts.get(outcome(attempt)).record(attempt.durationMs(), TimeUnit.MILLISECONDS);
    return attempt;
  }

  private static String outcome(Attempt attempt) {
    if (attempt.statusCode() == null) {
      return "error";
    }
    return attempt.succeeded() ? "success" : "rejected";
  }

  /** PostgreSQL text holds no NUL, and a snippet of a binary answer is for reading anyway. */
  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
  }

  private static long elapsedMs(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
