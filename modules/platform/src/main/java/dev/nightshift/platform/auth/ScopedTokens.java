package dev.nightshift.platform.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightshift.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Short-lived tokens that let a browser GET exactly one path (a run's event stream) without an API
 * key, which must never reach a browser. A token is {@code <claims>.<signature>}: base64url JSON
 * claims (path, team, expiry) and an HMAC-SHA256 over them.
 *
 * <p>Every node must share the signing secret to accept each other's tokens: {@code
 * nightshift.api.token-secret}, else one derived from the admin key, else a random one per node
 * (tokens then work only on the node that issued them).
 */
@ApplicationScoped
public class ScopedTokens {

  private static final Logger LOG = Logger.getLogger(ScopedTokens.class);
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** Who a valid token acts for: a team, or the admin when {@code team} is empty. */
  public record Grant(Optional<UUID> team) {}

  private final byte[] secret;
  private final ObjectMapper json;

  ScopedTokens(PlatformConfig config, ObjectMapper json) {
    this.json = json;
    this.secret = secret(config);
  }

  /**
   * A token for GET {@code path}, acting for {@code team} (empty: the admin), valid for {@code
   * ttl}.
   */
  public String issue(String path, Optional<UUID> team, Duration ttl) {
    ObjectNode claims =
        json.createObjectNode().put("p", path).put("e", Instant.now().plus(ttl).getEpochSecond());
    team.ifPresent(t -> claims.put("t", t.toString()));
    String body = ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    return body + "." + ENCODER.encodeToString(sign(body));
  }

  /** The grant of {@code token} if it is genuine, unexpired and issued for {@code path}. */
  public Optional<Grant> verify(String token, String path) {
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String body = token.substring(0, dot);
    try {
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(body))) {
        return Optional.empty();
      }
      var claims = json.readTree(DECODER.decode(body));
      if (!path.equals(claims.path("p").asText())
          || Instant.now().getEpochSecond() > claims.path("e").asLong()) {
        return Optional.empty();
      }
      var team =
          claims.hasNonNull("t")
              ? Optional.of(UUID.fromString(claims.get("t").asText()))
              : Optional.<UUID>empty();
      return Optional.of(new Grant(team));
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String body) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }

  private static byte[] secret(PlatformConfig config) {
    var configured = config.api().tokenSecret().filter(s -> !s.isBlank());
    if (configured.isPresent()) {
      return configured.get().getBytes(StandardCharsets.UTF_8);
    }
    var adminKey = config.adminKey().filter(s -> !s.isBlank());
    if (adminKey.isPresent()) {
      // A separate key for a separate purpose: knowing a token's secret reveals nothing of the
      // admin key.
      try {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(adminKey.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal("nightshift scoped tokens".getBytes(StandardCharsets.UTF_8));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    LOG.warn(
        "No nightshift.api.token-secret and no admin key: stream tokens work only on the node that issued them");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }
}
