package dev.nightshift.transactions.provider.plaid;

import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.plaid.PlaidApi.Jwk;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/**
 * Verifies the {@code Plaid-Verification} header of a webhook as Plaid documents: the header is a
 * JWT signed with ES256 by the key named in its {@code kid}, which {@code
 * /webhook_verification_key/get} returns as a JWK; it was issued at most five minutes ago; and its
 * {@code request_body_sha256} claim is the hex SHA-256 of the raw body, compared in constant time.
 *
 * <p>Keys are cached by id. A key id not seen before means Plaid rotated its keys, so the cached
 * keys are fetched again then, to learn which of them expired; an expired key verifies nothing. JWT
 * and JWK handling is jose4j's.
 *
 * <p>Thread safe.
 */
@ApplicationScoped
public class PlaidWebhookVerifier {

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final PlaidClient client;
  private final Map<String, VerificationKey> keys = new ConcurrentHashMap<>();
  // A lock rather than synchronized: callers may be virtual threads, which synchronized pins.
  private final ReentrantLock fetching = new ReentrantLock();

  PlaidWebhookVerifier(PlaidClient client) {
    this.client = client;
  }

  /**
   * @param header the {@code Plaid-Verification} header, or null when missing
   * @param body the request body exactly as received
   * @throws PlaidWebhookRejectedException when the webhook is not proven to come from Plaid
   * @throws ProviderUnavailableException when Plaid's key could not be fetched: answer 5xx
   */
  public void verify(String header, byte[] body) {
    if (header == null || header.isBlank()) {
      throw new PlaidWebhookRejectedException("No Plaid-Verification header");
    }
    JsonWebSignature jws = unverified(header);
    if (!AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256.equals(
        jws.getAlgorithmHeaderValue())) {
      throw new PlaidWebhookRejectedException(
          "Plaid signs webhooks with ES256, not " + jws.getAlgorithmHeaderValue());
    }
    String kid = jws.getKeyIdHeaderValue();
    if (kid == null) {
      throw new PlaidWebhookRejectedException("The webhook's JWT names no key (kid)");
    }
    VerificationKey key = key(kid);
    if (key == null) {
      throw new PlaidWebhookRejectedException("Plaid has no verification key " + kid);
    }
    if (key.expired()) {
      throw new PlaidWebhookRejectedException("Plaid's verification key " + kid + " expired");
    }
    String claimed = bodyHashClaim(header, key.publicKey());
    byte[] actual = HexFormat.of().formatHex(sha256(body)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(actual, claimed.getBytes(StandardCharsets.US_ASCII))) {
      throw new PlaidWebhookRejectedException("The body does not match the signed hash");
    }
  }

  private static JsonWebSignature unverified(String header) {
    try {
      var jws = new JsonWebSignature();
      jws.setCompactSerialization(header);
      return jws;
    } catch (JoseException e) {
      throw new PlaidWebhookRejectedException("Plaid-Verification is not a JWS: " + e.getMessage());
    }
  }

  private static String bodyHashClaim(String header, PublicKey key) {
    int maxAge = (int) MAX_AGE.toSeconds();
    var consumer =
        new JwtConsumerBuilder()
            .setVerificationKey(key)
            .setJwsAlgorithmConstraints(
                ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
            .setRequireIssuedAt()
            // Plaid only bounds the age; the same bound into the future tolerates clock skew.
            .setIssuedAtRestrictions(maxAge, maxAge)
            .setSkipDefaultAudienceValidation()
            .build();
    try {
      JwtClaims claims = consumer.processToClaims(header);
      Object hash = claims.getClaimValue("request_body_sha256");
      if (!(hash instanceof String hex)) {
        throw new PlaidWebhookRejectedException("The JWT has no request_body_sha256 claim");
      }
      return hex.toLowerCase(Locale.ROOT);
    } catch (InvalidJwtException e) {
      throw new PlaidWebhookRejectedException("The JWT is not valid: " + e.getMessage());
    }
  }

  private VerificationKey key(String kid) {
    VerificationKey cached = keys.get(kid);
    if (cached != null) {
      return cached;
    }
    fetching.lock();
    try {
      if (keys.containsKey(kid)) {
        return keys.get(kid);
      }
      keys.forEach(
          (id, key) -> {
            if (!key.expired()) {
              VerificationKey again = fetch(id);
              if (again != null) {
                keys.put(id, again);
              }
            }
          });
      VerificationKey fetched = fetch(kid);
      if (fetched != null) {
        keys.put(kid, fetched);
      }
      return fetched;
    } finally {
      fetching.unlock();
    }
  }

  /** Null when Plaid does not know the key id (it answers 400). */
  private VerificationKey fetch(String kid) {
    Jwk jwk;
    try {
      jwk = PlaidErrors.surfaced(() -> client.webhookVerificationKey(kid)).key();
    } catch (IllegalArgumentException | IllegalStateException unknownKey) {
      return null;
    }
    if (jwk == null) {
      return null;
    }
    if (jwk.kty() == null || jwk.crv() == null || jwk.x() == null || jwk.y() == null) {
      throw new PlaidWebhookRejectedException("Plaid's key " + kid + " is not an EC public key");
    }
    try {
      PublicJsonWebKey publicJwk =
          PublicJsonWebKey.Factory.newPublicJwk(
              Map.of("kty", jwk.kty(), "crv", jwk.crv(), "x", jwk.x(), "y", jwk.y()));
      return new VerificationKey(publicJwk.getPublicKey(), jwk.expiredAt() != null);
    } catch (JoseException e) {
      throw new PlaidWebhookRejectedException("Plaid's key " + kid + " is not an EC public key");
    }
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private record VerificationKey(PublicKey publicKey, boolean expired) {}
}
