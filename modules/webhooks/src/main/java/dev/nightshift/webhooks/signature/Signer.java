package dev.nightshift.webhooks.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery's exact body twice, with every secret that currently signs (two during a
 * rotation's overlap): as Standard Webhooks does, so receivers can use its libraries, and in
 * GitHub's {@code sha256=<hex>} form for {@code X-Signature-256}.
 */
public final class Signer {

  private static final String HMAC = "HmacSHA256";

  private Signer() {}

  /**
   * The {@code webhook-signature} header: {@code v1,<base64>} per secret, separated by spaces, over
   * {@code <id>.<timestamp>.<body>}.
   */
  public static String standardWebhooks(
      List<WebhookSecret> secrets, String id, long timestamp, byte[] body) {
    var prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    return secrets.stream()
        .map(
            secret ->
                "v1,"
                    + Base64.getEncoder().encodeToString(hmac(secret.standardKey(), prefix, body)))
        .collect(Collectors.joining(" "));
  }

  /** The {@code X-Signature-256} header: {@code sha256=<hex>} per secret, comma-separated. */
  public static String hub(List<WebhookSecret> secrets, byte[] body) {
    return secrets.stream()
        .map(secret -> hub(secret.hubKey(), body))
        .collect(Collectors.joining(", "));
  }

  static String hub(byte[] key, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(hmac(key, body));
  }

  private static byte[] hmac(byte[] key, byte[]... parts) {
    try {
      var mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      for (var part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
