package dev.nightshift.calendar.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.calendar.provider.CalendarProvider;
import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.provider.EventPage;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.OAuthTokens.Grant;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.provider.RemoteCalendar;
import dev.nightshift.engine.NonRetryableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a session refreshes its access token, and what it calls with when it cannot. */
class ProviderSessionTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final Duration LEAD = Duration.ofMinutes(5);
  private static final Grant GRANT = new Grant("ya29.new", NOW.plusSeconds(3599), null);

  private final List<String> refreshedWith = new ArrayList<>();
  private final List<OAuthState> stored = new ArrayList<>();
  private final Recording provider = new Recording();

  @Test
  void aTokenWithMoreThanTheLeadToLiveIsUsedAsItIs() {
    var session = session(granting(), tokens("ya29.old", "1//r", NOW.plus(Duration.ofMinutes(6))));

    session.calendars();

    assertEquals(List.of("ya29.old"), provider.usedTokens);
    assertEquals(List.of(), refreshedWith);
  }

  @Test
  void aTokenExpiringWithinTheLeadIsRefreshedStoredAndUsed() {
    var session = session(granting(), tokens("ya29.old", "1//r", NOW.plus(LEAD)));

    session.calendars();
    session.calendars();

    assertEquals(List.of("1//r"), refreshedWith, "once: the new token lives an hour");
    assertEquals(List.of(new OAuthState("ya29.new", "1//r", GRANT.expiresAt())), stored);
    assertEquals(List.of("ya29.new", "ya29.new"), provider.usedTokens);
    assertEquals(2, session.calls(), "refreshes are not calendar API calls");
  }

  @Test
  void aRotatedRefreshTokenReplacesTheStoredOne() {
    OAuthTokens rotating =
        refreshToken -> new Grant("ya29.new", NOW.plusSeconds(3599), "1//rotated");
    var session = session(rotating, tokens("ya29.old", "1//r", NOW.minusSeconds(1)));

    session.calendars();

    assertEquals("1//rotated", session.tokens().refreshToken());
    assertEquals("1//rotated", stored.getFirst().refreshToken());
  }

  @Test
  void anUnknownExpiryIsRefreshed() {
    session(granting(), tokens("ya29.old", "1//r", null)).calendars();
    session(granting(), tokens(null, "1//r", null)).calendars();

    assertEquals(List.of("1//r", "1//r"), refreshedWith);
    assertEquals(List.of("ya29.new", "ya29.new"), provider.usedTokens);
  }

  @Test
  void withoutARefreshTokenAnExpiredTokenIsRevokedAndAnExpiringOneServes() {
    var expired = session(granting(), tokens("ya29.old", null, NOW.minusSeconds(1)));
    assertThrows(ConnectionRevokedException.class, expired::calendars);

    session(granting(), tokens("ya29.old", null, NOW.plusSeconds(60))).calendars();

    assertEquals(List.of("ya29.old"), provider.usedTokens);
    assertEquals(List.of(), refreshedWith);
  }

  @Test
  void anUnavailableTokenEndpointFallsBackToAStillValidTokenAndIsNotAskedAgain() {
    var down = new IllegalStateException("503 from the token endpoint");
    OAuthTokens failing =
        refreshToken -> {
          refreshedWith.add(refreshToken);
          throw down;
        };
    var expiring = session(failing, tokens("ya29.old", "1//r", NOW.plusSeconds(60)));

    expiring.calendars();
    expiring.calendars();

    assertEquals(List.of("ya29.old", "ya29.old"), provider.usedTokens);
    assertEquals(List.of("1//r"), refreshedWith, "one failed refresh per session");
    assertEquals(List.of(), stored);
    var expired = session(failing, tokens("ya29.old", "1//r", NOW.minusSeconds(60)));
    assertSame(down, assertThrows(IllegalStateException.class, expired::calendars));
  }

  @Test
  void aRefusalAtTheTokenEndpointIsNeverHiddenByAStillValidToken() {
    OAuthTokens revoking =
        refreshToken -> {
          throw new ConnectionRevokedException("invalid_grant");
        };
    OAuthTokens refusing =
        refreshToken -> {
          throw new NonRetryableException("invalid_client");
        };
    var valid = tokens("ya29.old", "1//r", NOW.plusSeconds(60));

    assertThrows(ConnectionRevokedException.class, session(revoking, valid)::calendars);
    assertThrows(NonRetryableException.class, session(refusing, valid)::calendars);
    assertEquals(List.of(), provider.usedTokens);
  }

  private ProviderSession session(OAuthTokens oauth, OAuthState tokens) {
    return ProviderSession.oauth(
        provider, oauth, LEAD, tokens, stored::add, InstantSource.fixed(NOW));
  }

  private OAuthTokens granting() {
    return refreshToken -> {
      refreshedWith.add(refreshToken);
      return GRANT;
    };
  }

  private static OAuthState tokens(String access, String refresh, Instant expiresAt) {
    return new OAuthState(access, refresh, expiresAt);
  }

  /** A provider that notes which access token each call came with. */
  private static final class Recording implements CalendarProvider {
    final List<String> usedTokens = new ArrayList<>();

    @Override
    public ProviderName name() {
      return ProviderName.GOOGLE;
    }

    @Override
    public List<RemoteCalendar> calendars(ProviderAccess access) {
      usedTokens.add(((ProviderAccess.OAuth) access).accessToken());
      return List.of();
    }

    @Override
    public EventPage events(ProviderAccess access, EventQuery query) {
      throw new UnsupportedOperationException();
    }
  }
}
