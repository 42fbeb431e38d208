package dev.nightshift.transactions.provider.plaid;

import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.RetryAfterBackoff;
import dev.nightshift.transactions.provider.plaid.PlaidApi.AccessTokenRequest;
import dev.nightshift.transactions.provider.plaid.PlaidApi.AccountsGetResponse;
import dev.nightshift.transactions.provider.plaid.PlaidApi.ItemGetResponse;
import dev.nightshift.transactions.provider.plaid.PlaidApi.PublicTokenExchangeRequest;
import dev.nightshift.transactions.provider.plaid.PlaidApi.PublicTokenExchangeResponse;
import dev.nightshift.transactions.provider.plaid.PlaidApi.TransactionsSyncOptions;
import dev.nightshift.transactions.provider.plaid.PlaidApi.TransactionsSyncRequest;
import dev.nightshift.transactions.provider.plaid.PlaidApi.TransactionsSyncResponse;
import dev.nightshift.transactions.provider.plaid.PlaidApi.WebhookVerificationKeyRequest;
import dev.nightshift.transactions.provider.plaid.PlaidApi.WebhookVerificationKeyResponse;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Plaid's API behind its fault-tolerance policy. Each method is one HTTP request with its own
 * circuit breaker; an attempt ends after 60 seconds at the latest; unavailability (5xx, 429,
 * timeouts, connection failures) is retried three times, honouring {@code Retry-After}; an {@link
 * ProviderAuthException} is never retried. Callers wrap calls in {@link PlaidErrors#surfaced} so
 * that an open circuit reads as {@link ProviderUnavailableException}.
 *
 * <p>The client is built here rather than injected so that its base URL and timeouts come from
 * {@link PlaidConfig} ({@code nightshift.transactions.plaid.*}).
 */
@ApplicationScoped
@Timeout(value = 60, unit = ChronoUnit.SECONDS)
@Retry(
    maxRetries = 3,
    delay = 1,
    delayUnit = ChronoUnit.SECONDS,
    maxDuration = 5,
    durationUnit = ChronoUnit.MINUTES,
    retryOn = {ProviderUnavailableException.class, TimeoutException.class},
    abortOn = ProviderAuthException.class)
@CustomBackoff(RetryAfterBackoff.class)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = PlaidClient.CIRCUIT_DELAY_SECONDS,
    delayUnit = ChronoUnit.SECONDS,
    failOn = {ProviderUnavailableException.class, TimeoutException.class})
public class PlaidClient {

  static final long CIRCUIT_DELAY_SECONDS = 30;
  static final Duration CIRCUIT_DELAY = Duration.ofSeconds(CIRCUIT_DELAY_SECONDS);

  /** Plaid's maximum page of {@code /transactions/sync}. */
  private static final int SYNC_PAGE_SIZE = 500;

  private static final String API_VERSION = "2020-09-14";

  private final PlaidApi api;

  @Inject
  PlaidClient(PlaidConfig config) {
    long timeout = config.timeout().toMillis();
    this.api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(config.baseUri())
            .connectTimeout(timeout, TimeUnit.MILLISECONDS)
            .readTimeout(timeout, TimeUnit.MILLISECONDS)
            .register(new KeysFilter(config))
            .build(PlaidApi.class);
  }

  public PublicTokenExchangeResponse exchangePublicToken(String publicToken) {
    return call(() -> api.exchangePublicToken(new PublicTokenExchangeRequest(publicToken)));
  }

  public ItemGetResponse item(String accessToken) {
    return call(() -> api.getItem(new AccessTokenRequest(accessToken)));
  }

  public void removeItem(String accessToken) {
    call(() -> api.removeItem(new AccessTokenRequest(accessToken)));
  }

  public AccountsGetResponse accounts(String accessToken) {
    return call(() -> api.getAccounts(new AccessTokenRequest(accessToken)));
  }

  /**
   * One page of the account's stream of updates.
   *
   * @param cursor null for the beginning of the history
   */
  public TransactionsSyncResponse syncTransactions(
      String accessToken, String cursor, String accountId) {
    var options = new TransactionsSyncOptions(true, accountId);
    return call(
        () ->
            api.syncTransactions(
                new TransactionsSyncRequest(accessToken, cursor, SYNC_PAGE_SIZE, options)));
  }

  public WebhookVerificationKeyResponse webhookVerificationKey(String keyId) {
    return call(() -> api.getWebhookVerificationKey(new WebhookVerificationKeyRequest(keyId)));
  }

  /** Connection failures and read timeouts are unavailability like a 5xx. */
  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ProcessingException e) {
      throw new ProviderUnavailableException(
          "Plaid could not be reached: " + e.getMessage(), null, e);
    }
  }

  /**
   * Plaid's API keys in the headers Plaid documents, not in every request body, and the API version
   * whose response shapes {@link PlaidApi} reads.
   */
  private static final class KeysFilter implements ClientRequestFilter {

    private final PlaidConfig config;

    KeysFilter(PlaidConfig config) {
      this.config = config;
    }

    @Override
    public void filter(ClientRequestContext request) {
      request.getHeaders().putSingle("Plaid-Version", API_VERSION);
      config.clientId().ifPresent(id -> request.getHeaders().putSingle("PLAID-CLIENT-ID", id));
      config.secret().ifPresent(secret -> request.getHeaders().putSingle("PLAID-SECRET", secret));
    }
  }
}
