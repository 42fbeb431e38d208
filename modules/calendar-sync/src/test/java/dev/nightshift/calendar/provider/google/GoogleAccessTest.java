package dev.nightshift.calendar.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.OAuthTokens.Grant;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleAccessTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final Grant GRANT = new Grant("ya29.new", NOW.plusSeconds(3599), null);

  private final List<String> refreshed = new ArrayList<>();
  private final OAuthTokens tokens =
      refreshToken -> {
        refreshed.add(refreshToken);
        return GRANT;
      };
  private final GoogleAccess access =
      new GoogleAccess(tokens, Duration.ofMinutes(5), InstantSource.fixed(NOW));

  @Test
  void aTokenWithMoreThanTheSkewToLiveIsKept() {
    var fresh = access.fresh("ya29.old", "1//refresh", NOW.plus(Duration.ofMinutes(6)));

    assertInstanceOf(GoogleAccess.Current.class, fresh);
    assertEquals("ya29.old", fresh.access().accessToken());
    assertEquals(List.of(), refreshed);
  }

  @Test
  void aTokenExpiringWithinTheSkewIsRefreshed() {
    var fresh = access.fresh("ya29.old", "1//refresh", NOW.plus(Duration.ofMinutes(5)));

    assertSame(GRANT, assertInstanceOf(GoogleAccess.Refreshed.class, fresh).grant());
    assertEquals("ya29.new", fresh.access().accessToken());
    assertEquals(List.of("1//refresh"), refreshed);
  }

  @Test
  void anExpiredOrUnknownExpiryIsRefreshed() {
    assertInstanceOf(
        GoogleAccess.Refreshed.class, access.fresh("ya29.old", "1//refresh", NOW.minusSeconds(1)));
    assertInstanceOf(GoogleAccess.Refreshed.class, access.fresh("ya29.old", "1//refresh", null));
    assertInstanceOf(GoogleAccess.Refreshed.class, access.fresh(null, "1//refresh", null));
  }

  @Test
  void withoutARefreshTokenAnExpiredTokenRevokesAndAnExpiringOneServes() {
    assertThrows(
        ConnectionRevokedException.class,
        () -> access.fresh("ya29.old", null, NOW.minusSeconds(1)));
    assertInstanceOf(
        GoogleAccess.Current.class, access.fresh("ya29.old", null, NOW.plusSeconds(60)));
  }

  @Test
  void anUnavailableTokenEndpointFallsBackToAStillValidToken() {
    OAuthTokens down =
        refreshToken -> {
          throw new GoogleUnavailableException("503", null, null);
        };
    var degraded = new GoogleAccess(down, Duration.ofMinutes(5), InstantSource.fixed(NOW));

    assertInstanceOf(
        GoogleAccess.Current.class, degraded.fresh("ya29.old", "1//r", NOW.plusSeconds(60)));
    assertThrows(
        GoogleUnavailableException.class,
        () -> degraded.fresh("ya29.old", "1//r", NOW.minusSeconds(60)));
  }
}
