package dev.nightshift.transactions.provider.teller;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TellerWebhookVerifierTest {

  private static final String SECRET = "test-signing-secret";
  private static final byte[] BODY =
      "{\"id\":\"wh_1\",\"payload\":{},\"timestamp\":\"2023-11-14T22:13:20Z\",\"type\":\"webhook.test\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);

  /**
   * Computed outside Java: {@code printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac}.
   */
  private static final String OPENSSL_SIGNATURE =
      "f9ef98e9fff10bb540a1382f0432717f6a337f3d4a796d27e37c3f73c4eaf7cd";

  private static final String OPENSSL_SIGNATURE_OLD_SECRET =
      "c084c3aac7c36ec94d3634029e0d1d151695f7d0f927fde3182d87458d5d3f10";

  private final TellerWebhookVerifier verifier =
      new TellerWebhookVerifier(SECRET, at(SIGNED_AT.plusSeconds(30)));

  @Test
  void acceptsTheSignatureOfAKnownVector() {
    assertDoesNotThrow(() -> verifier.verify("t=1700000000,v1=" + OPENSSL_SIGNATURE, BODY));
  }

  @Test
  void acceptsASignatureComputedHereForAnyBody() throws Exception {
    byte[] body =
        "{\"id\":\"wh_2\",\"type\":\"transactions.processed\"}".getBytes(StandardCharsets.UTF_8);
    String signature = hmac(SECRET, "1700000000." + new String(body, StandardCharsets.UTF_8));

    assertDoesNotThrow(() -> verifier.verify("t=1700000000, v1=" + signature, body));
  }

  @Test
  void duringRotationOneMatchingSignatureOfSeveralIsEnough() {
    assertDoesNotThrow(
        () ->
            verifier.verify(
                "t=1700000000,v1=" + OPENSSL_SIGNATURE_OLD_SECRET + ",v1=" + OPENSSL_SIGNATURE,
                BODY));
  }

  @Test
  void refusesAnotherSecretsSignature() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> verifier.verify("t=1700000000,v1=" + OPENSSL_SIGNATURE_OLD_SECRET, BODY));
    assertThat(error.getMessage(), containsString("no Teller-Signature signature matches"));
  }

  @Test
  void refusesAChangedBody() {
    byte[] changed =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("wh_1", "wh_9")
            .getBytes(StandardCharsets.UTF_8);

    assertThrows(
        IllegalArgumentException.class,
        () -> verifier.verify("t=1700000000,v1=" + OPENSSL_SIGNATURE, changed));
  }

  @Test
  void refusesASignatureOlderThanThreeMinutes() {
    var later =
        new TellerWebhookVerifier(SECRET, at(SIGNED_AT.plus(Duration.ofMinutes(3)).plusSeconds(1)));

    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> later.verify("t=1700000000,v1=" + OPENSSL_SIGNATURE, BODY));
    assertThat(error.getMessage(), containsString("more than 3 minutes"));
  }

  @Test
  void acceptsASignatureJustInsideThreeMinutes() {
    var later = new TellerWebhookVerifier(SECRET, at(SIGNED_AT.plus(Duration.ofMinutes(3))));

    assertDoesNotThrow(() -> later.verify("t=1700000000,v1=" + OPENSSL_SIGNATURE, BODY));
  }

  @Test
  void refusesMissingAndMalformedHeaders() {
    assertThrows(IllegalArgumentException.class, () -> verifier.verify(null, BODY));
    assertThrows(IllegalArgumentException.class, () -> verifier.verify("", BODY));
    assertThrows(
        IllegalArgumentException.class, () -> verifier.verify("v1=" + OPENSSL_SIGNATURE, BODY));
    assertThrows(IllegalArgumentException.class, () -> verifier.verify("t=1700000000", BODY));
    assertThrows(
        IllegalArgumentException.class,
        () -> verifier.verify("t=yesterday,v1=" + OPENSSL_SIGNATURE, BODY));
  }

  @Test
  void withoutASigningSecretNothingIsAccepted() {
    var unconfigured = new TellerWebhookVerifier(null, at(SIGNED_AT));

    assertThrows(
        IllegalStateException.class,
        () -> unconfigured.verify("t=1700000000,v1=" + OPENSSL_SIGNATURE, BODY));
  }

  private static InstantSource at(Instant now) {
    return InstantSource.fixed(now);
  }

  private static String hmac(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
