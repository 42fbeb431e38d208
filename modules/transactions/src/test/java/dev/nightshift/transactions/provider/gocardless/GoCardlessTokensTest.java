package dev.nightshift.transactions.provider.gocardless;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.AccessToken;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.AccountDetails;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Balances;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Institution;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.RefreshRequest;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Requisition;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.SecretRequest;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.TokenPair;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GoCardlessTokensTest {

  private final FakeTokenEndpoints api = new FakeTokenEndpoints();
  private final MovableClock clock = new MovableClock();
  private final GoCardlessTokens tokens = new GoCardlessTokens(api, "id", "key", clock);

  @Test
  void theAccessTokenIsKeptUntilShortlyBeforeItExpires() {
    assertThat(tokens.bearer(), equalTo("Bearer access-1"));
    clock.advance(Duration.ofHours(23).plusMinutes(58));
    assertThat(tokens.bearer(), equalTo("Bearer access-1"));

    assertThat(api.created, equalTo(1));
    assertThat(api.refreshed, equalTo(0));
  }

  @Test
  void anExpiringAccessTokenIsRefreshed() {
    tokens.bearer();
    clock.advance(Duration.ofDays(1).minus(GoCardlessTokens.MARGIN));

    assertThat(tokens.bearer(), equalTo("Bearer refreshed-1"));
    assertThat(api.created, equalTo(1));
    assertThat(api.refreshed, equalTo(1));
  }

  @Test
  void whenTheRefreshTokenIsOverTooTheSecretIsUsedAgain() {
    tokens.bearer();
    clock.advance(Duration.ofDays(30));

    assertThat(tokens.bearer(), equalTo("Bearer access-2"));
    assertThat(api.refreshed, equalTo(0));
  }

  @Test
  void aRefusedRefreshFallsBackToTheSecret() {
    tokens.bearer();
    api.refuseRefresh = true;
    clock.advance(Duration.ofDays(1));

    assertThat(tokens.bearer(), equalTo("Bearer access-2"));
  }

  @Test
  void aRejectedTokenIsReplacedOnTheNextCall() {
    String rejected = tokens.bearer();
    tokens.rejected(rejected);

    assertThat(tokens.bearer(), equalTo("Bearer refreshed-1"));
    // A late rejection of the old token does not drop the new one.
    tokens.rejected(rejected);
    assertThat(tokens.bearer(), equalTo("Bearer refreshed-1"));
  }

  @Test
  void aRefusedSecretIsAConfigurationError() {
    api.refuseSecret = true;

    var error = assertThrows(IllegalStateException.class, tokens::bearer);
    assertThat(error.getMessage(), containsString("refused the configured secret id and key"));
  }

  @Test
  void withoutASecretThereIsNoToken() {
    var unconfigured = new GoCardlessTokens(api, null, null, clock);

    var error = assertThrows(IllegalStateException.class, unconfigured::bearer);
    assertThat(error.getMessage(), containsString("secret-id"));
  }

  /** Token endpoints that hand out numbered tokens: a day for access, 30 days for refresh. */
  private static final class FakeTokenEndpoints implements GoCardlessApi {

    int created;
    int refreshed;
    boolean refuseSecret;
    boolean refuseRefresh;

    @Override
    public TokenPair newToken(SecretRequest secret) {
      if (refuseSecret) {
        throw new RejectedTokenException("GoCardless answered 401: Authentication failed");
      }
      created++;
      return new TokenPair("access-" + created, 86_400, "refresh-" + created, 2_592_000);
    }

    @Override
    public AccessToken refreshToken(RefreshRequest refresh) {
      if (refuseRefresh) {
        throw new RejectedTokenException("GoCardless answered 401: Invalid token");
      }
      refreshed++;
      return new AccessToken("refreshed-" + refreshed, 86_400);
    }

    @Override
    public Requisition requisition(String bearer, String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void deleteRequisition(String bearer, String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Institution institution(String bearer, String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public AccountDetails accountDetails(String bearer, String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Balances balances(String bearer, String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Transactions transactions(String bearer, String id, LocalDate dateFrom) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class MovableClock implements InstantSource {

    private Instant now = Instant.parse("2026-01-20T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
