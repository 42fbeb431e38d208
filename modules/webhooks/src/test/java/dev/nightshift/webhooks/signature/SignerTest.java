package dev.nightshift.webhooks.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both signatures against the vectors their specifications publish. */
class SignerTest {

  /** The Standard Webhooks specification's test vector. */
  private static final WebhookSecret STANDARD_SECRET =
      new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

  @Test
  void signsLikeTheStandardWebhooksVector() {
    var body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    var signature =
        Signer.standardWebhooks(
            List.of(STANDARD_SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body);

    assertThat(signature, equalTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
  }

  /**
   * GitHub's documented example of {@code X-Hub-Signature-256}: secret "It's a Secret to
   * Everybody", body "Hello, World!". The key is the secret's text, as GitHub-style verifiers use
   * it; that vector's secret is not in the whsec_ form, so it goes in as the key.
   */
  @Test
  void signsLikeGitHubsVector() {
    var body = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    var signature = Signer.hub("It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8), body);

    assertThat(
        signature,
        equalTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
  }

  @Test
  void signsWithEverySecretDuringARotation() {
    var body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    var next = WebhookSecret.generate();

    var standard =
        Signer.standardWebhooks(
            List.of(next, STANDARD_SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body);
    var hub = Signer.hub(List.of(next, STANDARD_SECRET), body);

    var parts = standard.split(" ");
    assertThat(parts.length, equalTo(2));
    assertThat(parts[1], equalTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    assertThat(hub.split(", ").length, equalTo(2));
    assertThat(hub.split(", ")[1], equalTo(Signer.hub(List.of(STANDARD_SECRET), body)));
  }

  @Test
  void refusesSecretsNotInTheStandardForm() {
    assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("plain-text"));
    assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("whsec_not base64!"));
    // 5 bytes: too short to be a key.
    assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("whsec_c2hvcnQ="));
  }

  @Test
  void generatesDistinctSecretsOf32Bytes() {
    var one = WebhookSecret.generate();
    assertThat(one.standardKey().length, equalTo(32));
    assertThat(one.equals(WebhookSecret.generate()), equalTo(false));
  }
}
