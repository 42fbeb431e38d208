package dev.nightshift.transactions.provider.gocardless;

import com.fasterxml.jackson.core.JacksonException;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.RetryAfterBackoff;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.AccountDetails;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Balances;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Institution;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Requisition;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Transactions;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The GoCardless calls with their fault-tolerance policy, each call on its own: at most 90 seconds
 * an attempt (token included); up to 3 retries of transient failures, waiting what GoCardless asks
 * ({@link RetryAfterBackoff}); never a retry of an ended consent; a circuit breaker per call that
 * opens when half of the last 20 attempts were transient failures, and tries again after 30
 * seconds. Auth and 4xx errors never open it: they concern one connection, not GoCardless.
 */
@ApplicationScoped
@Timeout(value = 90, unit = ChronoUnit.SECONDS)
@Retry(
    maxRetries = 3,
    delay = 500,
    maxDuration = 5,
    durationUnit = ChronoUnit.MINUTES,
    retryOn = {ProviderUnavailableException.class, TimeoutException.class},
    abortOn = ProviderAuthException.class)
@CustomBackoff(RetryAfterBackoff.class)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = 30,
    delayUnit = ChronoUnit.SECONDS,
    failOn = {ProviderUnavailableException.class, TimeoutException.class})
public class GoCardlessClient {

  private final GoCardlessApi api;
  private final GoCardlessTokens tokens;

  GoCardlessClient(GoCardlessConfig config) {
    long timeout = config.timeout().toMillis();
    api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(config.baseUrl())
            .connectTimeout(timeout, TimeUnit.MILLISECONDS)
            .readTimeout(timeout, TimeUnit.MILLISECONDS)
            .build(GoCardlessApi.class);
    tokens =
        new GoCardlessTokens(
            api,
            config.secretId().orElse(null),
            config.secretKey().orElse(null),
            InstantSource.system());
  }

  public Requisition requisition(String id) {
    return call(bearer -> api.requisition(bearer, id));
  }

  public void deleteRequisition(String id) {
    call(
        bearer -> {
          api.deleteRequisition(bearer, id);
          return null;
        });
  }

  public Institution institution(String id) {
    return call(bearer -> api.institution(bearer, id));
  }

  public AccountDetails accountDetails(String accountId) {
    return call(bearer -> api.accountDetails(bearer, accountId));
  }

  public Balances balances(String accountId) {
    return call(bearer -> api.balances(bearer, accountId));
  }

  public Transactions transactions(String accountId, LocalDate dateFrom) {
    return call(bearer -> api.transactions(bearer, accountId, dateFrom));
  }

  private <T> T call(Function<String, T> request) {
    String bearer = null;
    try {
      bearer = tokens.bearer();
      return request.apply(bearer);
    } catch (RejectedTokenException rejected) {
      if (bearer != null) {
        tokens.rejected(bearer);
      }
      throw rejected;
    } catch (ProcessingException failed) {
      if (failed.getCause() instanceof JacksonException unreadable) {
        // Not transient: retrying reads the same answer.
        throw new IllegalStateException(
            "GoCardless answered JSON that Nightshift cannot read: "
                + unreadable.getOriginalMessage(),
            failed);
      }
      throw new ProviderUnavailableException(
          "GoCardless did not answer: " + failed.getMessage(), null, failed);
    }
  }
}
