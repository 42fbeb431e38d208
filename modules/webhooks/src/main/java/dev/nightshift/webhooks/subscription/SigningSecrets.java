package dev.nightshift.webhooks.subscription;

import dev.nightshift.webhooks.signature.WebhookSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The secret that signs, and the one it replaced while the rotation's overlap lasts. */
public record SigningSecrets(
    WebhookSecret current, WebhookSecret previous, Instant previousExpiresAt) {

  /** The secrets that sign at {@code now}, newest first. */
  public List<WebhookSecret> signingAt(Instant now) {
    var secrets = new ArrayList<WebhookSecret>(2);
    secrets.add(current);
    if (previous != null && previousExpiresAt != null && previousExpiresAt.isAfter(now)) {
      secrets.add(previous);
    }
    return secrets;
  }
}
