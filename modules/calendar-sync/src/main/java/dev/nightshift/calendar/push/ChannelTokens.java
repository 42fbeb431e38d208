package dev.nightshift.calendar.push;

import dev.nightshift.calendar.config.CalendarSyncConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ids and tokens of Google push channels. A channel's id is the connection's id, optionally
 * followed by {@code _} and anything (so a renewed watch can take a new id); its token is
 * HMAC-SHA256 of the connection's id under {@code nightshift.calendar.sync.push-secret}, Base64url.
 * Google echoes the token in every notification, which proves the notification comes from a channel
 * this server registered, without a table of channels.
 */
@ApplicationScoped
public class ChannelTokens {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_SECRET = 32;

  private final CalendarSyncConfig config;

  ChannelTokens(CalendarSyncConfig config) {
    this.config = config;
  }

  /** A secret too short to be one fails the start, not every notification later. */
  void checkSecret(@Observes StartupEvent start) {
    if (enabled()) {
      secret();
    }
  }

  /** Whether push notifications are on: a secret is configured. */
  public boolean enabled() {
    return config.pushSecret().isPresent();
  }

  /** The id to register a watch channel of the connection with. */
  public static String channelId(UUID connection, String suffix) {
    return suffix == null ? connection.toString() : connection + "_" + suffix;
  }

  /** The token to register a watch channel of the connection with. */
  public String tokenFor(UUID connection) {
    try {
      var mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret(), ALGORITHM));
      var digest = mac.doFinal(connection.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** True when {@code token} is the connection's, compared in constant time. */
  public boolean valid(UUID connection, String token) {
    if (token == null) {
      return false;
    }
    return MessageDigest.isEqual(
        tokenFor(connection).getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  /** The connection a channel id names; empty for an id this server never issued. */
  public static Optional<UUID> connectionOf(String channelId) {
    if (channelId == null) {
      return Optional.empty();
    }
    int bar = channelId.indexOf('_');
    try {
      return Optional.of(UUID.fromString(bar < 0 ? channelId : channelId.substring(0, bar)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] secret() {
    var secret = config.pushSecret().orElseThrow(() -> new IllegalStateException("no push secret"));
    if (secret.length() < MIN_SECRET) {
      throw new IllegalStateException(
          "nightshift.calendar.sync.push-secret must hold at least " + MIN_SECRET + " characters");
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
