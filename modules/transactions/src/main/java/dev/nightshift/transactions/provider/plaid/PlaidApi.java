package dev.nightshift.transactions.provider.plaid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of Plaid's API Nightshift calls, with the JSON it sends and receives (Plaid's field
 * names; fields Nightshift does not read are left out and ignored). Every endpoint is a POST; the
 * client id and secret travel in the {@code PLAID-CLIENT-ID} and {@code PLAID-SECRET} headers,
 * which {@link PlaidClient} adds. Error responses become exceptions in {@link PlaidErrors}.
 */
@RegisterRestClient(configKey = "plaid")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PlaidApi {

  @POST
  @Path("/item/public_token/exchange")
  PublicTokenExchangeResponse exchangePublicToken(PublicTokenExchangeRequest request);

  @POST
  @Path("/item/get")
  ItemGetResponse getItem(AccessTokenRequest request);

  @POST
  @Path("/item/remove")
  ItemRemoveResponse removeItem(AccessTokenRequest request);

  /** Balances as Plaid last cached them; free, unlike {@code /accounts/balance/get}. */
  @POST
  @Path("/accounts/get")
  AccountsGetResponse getAccounts(AccessTokenRequest request);

  @POST
  @Path("/transactions/sync")
  TransactionsSyncResponse syncTransactions(TransactionsSyncRequest request);

  @POST
  @Path("/webhook_verification_key/get")
  WebhookVerificationKeyResponse getWebhookVerificationKey(WebhookVerificationKeyRequest request);

  @ClientExceptionMapper
  static RuntimeException toException(Response response) {
    return PlaidErrors.toException(
        response.getStatus(),
        response.getHeaderString(HttpHeaders.RETRY_AFTER),
        response.hasEntity() ? response.readEntity(String.class) : null);
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record PublicTokenExchangeRequest(String publicToken) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PublicTokenExchangeResponse(String accessToken, String itemId, String requestId) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AccessTokenRequest(String accessToken) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ItemGetResponse(Item item, String requestId) {}

  /**
   * @param error the Item's current error, such as {@code ITEM_LOGIN_REQUIRED}; null when healthy
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Item(String itemId, String institutionId, String institutionName, PlaidError error) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ItemRemoveResponse(String requestId) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AccountsGetResponse(List<Account> accounts, Item item, String requestId) {
    public AccountsGetResponse {
      accounts = accounts == null ? List.of() : accounts;
    }
  }

  /**
   * @param type {@code depository}, {@code credit}, {@code loan}, {@code investment} or {@code
   *     other}
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Account(
      String accountId,
      Balances balances,
      String mask,
      String name,
      String officialName,
      String type,
      String subtype) {}

  /** For credit accounts {@code current} is what is owed and {@code available} the credit left. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Balances(
      BigDecimal available,
      BigDecimal current,
      BigDecimal limit,
      String isoCurrencyCode,
      String unofficialCurrencyCode) {}

  /**
   * @param cursor null for the start of the history; then the previous response's {@code
   *     next_cursor}
   * @param count updates per page, at most 500
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TransactionsSyncRequest(
      String accessToken, String cursor, Integer count, TransactionsSyncOptions options) {}

  /**
   * @param accountId limits the updates, and the cursor, to one account: each account is its own
   *     stream of updates
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TransactionsSyncOptions(Boolean includeOriginalDescription, String accountId) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TransactionsSyncResponse(
      List<Transaction> added,
      List<Transaction> modified,
      List<RemovedTransaction> removed,
      String nextCursor,
      boolean hasMore,
      String requestId) {
    public TransactionsSyncResponse {
      added = added == null ? List.of() : added;
      modified = modified == null ? List.of() : modified;
      removed = removed == null ? List.of() : removed;
    }
  }

  /**
   * @param amount positive when money leaves the account, negative when it comes in (for credit
   *     cards too: a purchase is positive, a payment negative)
   * @param date the posting date; for a pending transaction, the date it occurred
   * @param pendingTransactionId on a posted transaction, the id of the pending one it replaces
   * @param transactionCode detailed type, for European institutions only ({@code purchase}, {@code
   *     bill payment}, ...)
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Transaction(
      String transactionId,
      String accountId,
      BigDecimal amount,
      String isoCurrencyCode,
      String unofficialCurrencyCode,
      LocalDate date,
      String name,
      String merchantName,
      String originalDescription,
      boolean pending,
      String pendingTransactionId,
      String transactionCode,
      PersonalFinanceCategory personalFinanceCategory,
      List<Counterparty> counterparties) {}

  /**
   * @param primary for example {@code FOOD_AND_DRINK}
   * @param detailed for example {@code FOOD_AND_DRINK_COFFEE}
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PersonalFinanceCategory(String primary, String detailed) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Counterparty(String name, String type) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RemovedTransaction(String transactionId, String accountId) {}

  /**
   * @param keyId the {@code kid} from the header of a webhook's JWT
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record WebhookVerificationKeyRequest(String keyId) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record WebhookVerificationKeyResponse(Jwk key, String requestId) {}

  /**
   * A public JSON Web Key (an EC P-256 key for ES256).
   *
   * @param expiredAt Unix seconds after which Plaid no longer signs with it; null while current
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Jwk(
      String alg,
      String crv,
      String kid,
      String kty,
      String use,
      String x,
      String y,
      Long createdAt,
      Long expiredAt) {}

  /** Plaid's error object, the body of every error response and {@code item.error}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlaidError(
      String errorType,
      String errorCode,
      String errorMessage,
      String displayMessage,
      String requestId) {}
}
