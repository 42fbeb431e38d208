package dev.nightshift.transactions.provider.teller;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * The Teller API, as far as Nightshift reads it, with its JSON. Every call carries the enrollment's
 * access token as the user name of HTTP Basic authentication (empty password), over a TLS
 * connection that presents the application's client certificate. Built by {@link TellerClient};
 * errors become exceptions in {@link TellerErrors}.
 */
@RegisterRestClient(configKey = "teller")
@RegisterProvider(TellerErrors.class)
@Produces(MediaType.APPLICATION_JSON)
public interface TellerApi {

  /**
   * The application's JSON rules are strict for what clients send; this JSON is Teller's: unknown
   * fields are normal and amounts come as strings.
   */
  @ClientObjectMapper
  static ObjectMapper objectMapper(ObjectMapper application) {
    return application
        .copy()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, true);
  }

  @GET
  @Path("/accounts")
  List<Account> accounts(@HeaderParam("Authorization") String basic);

  /** Revokes the application's access to every account of the enrollment. */
  @DELETE
  @Path("/accounts")
  void deleteAccounts(@HeaderParam("Authorization") String basic);

  @GET
  @Path("/accounts/{id}/balances")
  Balances balances(@HeaderParam("Authorization") String basic, @PathParam("id") String accountId);

  /**
   * Newest first; {@code count} at most, older than {@code fromId} when given.
   *
   * @param fromId null for the newest page
   */
  @GET
  @Path("/accounts/{id}/transactions")
  List<Transaction> transactions(
      @HeaderParam("Authorization") String basic,
      @PathParam("id") String accountId,
      @QueryParam("count") int count,
      @QueryParam("from_id") String fromId);

  /**
   * @param type depository or credit
   * @param subtype checking, savings, money_market, certificate_of_deposit, treasury, sweep,
   *     credit_card
   * @param status open or closed
   */
  record Account(
      String id,
      @JsonProperty("enrollment_id") String enrollmentId,
      String name,
      String type,
      String subtype,
      String currency,
      @JsonProperty("last_four") String lastFour,
      String status,
      Institution institution) {}

  record Institution(String id, String name) {}

  /** Live balances; at least one of the two is set. */
  record Balances(
      @JsonProperty("account_id") String accountId, BigDecimal ledger, BigDecimal available) {}

  /**
   * @param amount signed as the account sees it: on a credit account, positive is spending
   * @param type card_payment, ach, atm, bill_payment, deposit, digital_payment, fee, interest,
   *     payment, transfer, wire, ...
   * @param status posted or pending
   */
  record Transaction(
      String id,
      @JsonProperty("account_id") String accountId,
      BigDecimal amount,
      LocalDate date,
      String description,
      String status,
      String type,
      @JsonProperty("running_balance") BigDecimal runningBalance,
      Details details) {}

  /** Teller's enrichment: {@code processing_status} pending until it is done. */
  record Details(String category, Counterparty counterparty) {}

  /**
   * @param type organization or person
   */
  record Counterparty(String name, String type) {}

  record ErrorBody(ErrorDetail error) {}

  record ErrorDetail(String code, String message) {}
}
