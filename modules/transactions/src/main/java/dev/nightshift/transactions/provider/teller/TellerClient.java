package dev.nightshift.transactions.provider.teller;

import com.fasterxml.jackson.core.JacksonException;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.RetryAfterBackoff;
import dev.nightshift.transactions.provider.teller.TellerApi.Account;
import dev.nightshift.transactions.provider.teller.TellerApi.Balances;
import dev.nightshift.transactions.provider.teller.TellerApi.Transaction;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The Teller calls with their fault-tolerance policy, each call on its own: at most 90 seconds an
 * attempt (Teller documents that a first transactions call on a large account may time out); up to
 * 3 retries of transient failures, honouring {@code Retry-After} ({@link RetryAfterBackoff}); never
 * a retry of an auth error; a circuit breaker per call that opens when half of the last 20 attempts
 * were transient failures, and tries again after 30 seconds. Auth and 4xx errors never open it:
 * they concern one enrollment, not Teller.
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
public class TellerClient {

  private final TellerApi api;

  TellerClient(TellerConfig config, Vertx vertx) {
    long timeout = config.timeout().toMillis();
    QuarkusRestClientBuilder builder =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(config.baseUrl())
            .connectTimeout(timeout, TimeUnit.MILLISECONDS)
            .readTimeout(timeout, TimeUnit.MILLISECONDS);
    if (config.certificate().isPresent() != config.privateKey().isPresent()) {
      throw new IllegalStateException(
          "set both nightshift.transactions.teller.certificate and private-key, or neither");
    }
    if (config.certificate().isPresent()) {
      builder.tlsConfiguration(
          new TellerClientCertificate(
              config.certificate().get(), config.privateKey().get(), vertx));
    }
    api = builder.build(TellerApi.class);
  }

  public List<Account> accounts(String accessToken) {
    return call(() -> api.accounts(basic(accessToken)));
  }

  public void deleteAccounts(String accessToken) {
    call(
        () -> {
          api.deleteAccounts(basic(accessToken));
          return null;
        });
  }

  public Balances balances(String accessToken, String accountId) {
    return call(() -> api.balances(basic(accessToken), accountId));
  }

  public List<Transaction> transactions(
      String accessToken, String accountId, int count, String fromId) {
    return call(() -> api.transactions(basic(accessToken), accountId, count, fromId));
  }

  /** The access token is the user name; the password stays empty. */
  private static String basic(String accessToken) {
    return "Basic "
        + Base64.getEncoder().encodeToString((accessToken + ":").getBytes(StandardCharsets.UTF_8));
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ProcessingException failed) {
      if (failed.getCause() instanceof JacksonException unreadable) {
        // Not transient: retrying reads the same answer.
        throw new IllegalStateException(
            "Teller answered JSON that Nightshift cannot read: " + unreadable.getOriginalMessage(),
            failed);
      }
      throw new ProviderUnavailableException(
          "Teller did not answer: " + failed.getMessage(), null, failed);
    }
  }
}
