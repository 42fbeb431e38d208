package dev.nightshift.inbox.email;

import dev.nightshift.inbox.config.InboxConfig;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks that an inbound email webhook comes from the configured sender: Basic auth, as Postmark
 * sends credentials written into the webhook URL, or a secret {@code token} query parameter.
 */
@ApplicationScoped
class PostmarkAuthenticator {

  private final InboxConfig.Postmark config;

  PostmarkAuthenticator(InboxConfig config) {
    this.config = config.postmark();
  }

  void check(String authorization, String token) {
    boolean basicConfigured = config.username().isPresent() && config.password().isPresent();
    if (!basicConfigured && config.token().isEmpty()) {
      throw new ProblemException(
          Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              "webhooks-not-configured",
              "Inbound email is off here: set nightshift.inbox.postmark.username and password,"
                  + " or nightshift.inbox.postmark.token."));
    }
    if (config.token().isPresent() && token != null && same(token, config.token().get())) {
      return;
    }
    if (basicConfigured && authorization != null && authorization.startsWith("Basic ")) {
      var expected = config.username().get() + ":" + config.password().get();
      if (same(decode(authorization.substring(6)), expected)) {
        return;
      }
    }
    throw new ProblemException(
        Problem.of(
            Response.Status.UNAUTHORIZED,
            "unauthorized",
            "The inbound email webhook needs the configured Basic credentials or token."));
  }

  private static String decode(String value) {
    try {
      return new String(Base64.getDecoder().decode(value.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
