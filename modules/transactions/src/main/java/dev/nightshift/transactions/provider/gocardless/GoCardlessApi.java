package dev.nightshift.transactions.provider.gocardless;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The GoCardless Bank Account Data API v2, as far as Nightshift reads it, with the JSON it
 * exchanges. Every call but the token ones takes {@code Authorization: Bearer <access token>}.
 * Built by {@link GoCardlessClient} from {@link GoCardlessConfig}; errors become exceptions in
 * {@link GoCardlessErrors}.
 */
@RegisterRestClient(configKey = "gocardless")
@RegisterProvider(GoCardlessErrors.class)
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface GoCardlessApi {

  /**
   * The application's JSON rules are strict for what clients send; this JSON is GoCardless's:
   * unknown fields are normal and amounts come as strings.
   */
  @ClientObjectMapper
  static ObjectMapper objectMapper(ObjectMapper application) {
    return application
        .copy()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, true);
  }

  @POST
  @Path("/token/new/")
  TokenPair newToken(SecretRequest secret);

  @POST
  @Path("/token/refresh/")
  AccessToken refreshToken(RefreshRequest refresh);

  @GET
  @Path("/requisitions/{id}/")
  Requisition requisition(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @DELETE
  @Path("/requisitions/{id}/")
  void deleteRequisition(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @GET
  @Path("/institutions/{id}/")
  Institution institution(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @GET
  @Path("/accounts/{id}/details/")
  AccountDetails accountDetails(
      @HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @GET
  @Path("/accounts/{id}/balances/")
  Balances balances(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  /** Booked and pending transactions; {@code dateFrom} null means the whole history allowed. */
  @GET
  @Path("/accounts/{id}/transactions/")
  Transactions transactions(
      @HeaderParam("Authorization") String bearer,
      @PathParam("id") String id,
      @QueryParam("date_from") LocalDate dateFrom);

  record SecretRequest(
      @JsonProperty("secret_id") String secretId, @JsonProperty("secret_key") String secretKey) {}

  /** Expiries are in seconds from now. */
  record TokenPair(
      String access,
      @JsonProperty("access_expires") long accessExpires,
      String refresh,
      @JsonProperty("refresh_expires") long refreshExpires) {}

  record RefreshRequest(String refresh) {}

  record AccessToken(String access, @JsonProperty("access_expires") long accessExpires) {}

  /**
   * A requisition: the end user's consent flow and, once {@code LN} (linked), its accounts.
   *
   * @param status CR, GC, UA, RJ, SA, GA, LN, EX (and SU, suspended)
   */
  record Requisition(
      String id,
      String status,
      @JsonProperty("institution_id") String institutionId,
      List<String> accounts) {}

  record Institution(String id, String name) {}

  record AccountDetails(Account account) {}

  /**
   * @param cashAccountType ISO 20022 code: CACC current, CARD card, SVGS savings, LOAN, ...
   */
  record Account(
      String resourceId,
      String iban,
      String currency,
      String name,
      String product,
      String ownerName,
      String cashAccountType) {}

  record Balances(List<Balance> balances) {}

  /**
   * @param balanceType interimBooked, closingBooked, interimAvailable, expected, ...
   */
  record Balance(Amount balanceAmount, String balanceType) {}

  record Amount(BigDecimal amount, String currency) {}

  record Transactions(TransactionLists transactions) {}

  record TransactionLists(List<Transaction> booked, List<Transaction> pending) {}

  /** A Berlin Group transaction as GoCardless relays it: which fields are set varies by bank. */
  record Transaction(
      String transactionId,
      String internalTransactionId,
      LocalDate bookingDate,
      LocalDate valueDate,
      Amount transactionAmount,
      String creditorName,
      String debtorName,
      String remittanceInformationUnstructured,
      List<String> remittanceInformationUnstructuredArray,
      String remittanceInformationStructured,
      String additionalInformation,
      String proprietaryBankTransactionCode,
      BalanceAfter balanceAfterTransaction) {}

  record BalanceAfter(Amount balanceAmount) {}

  /** The body of an error answer. {@code type} is set on account endpoint errors. */
  record ErrorBody(String summary, String detail, String type) {}
}
