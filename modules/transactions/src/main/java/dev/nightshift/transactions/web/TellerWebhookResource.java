package dev.nightshift.transactions.web;

import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import dev.nightshift.transactions.provider.teller.TellerWebhook;
import dev.nightshift.transactions.provider.teller.TellerWebhookParser;
import dev.nightshift.transactions.provider.teller.TellerWebhookVerifier;
import dev.nightshift.transactions.webhook.ProviderWebhooks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Teller's webhooks, authenticated by their {@code Teller-Signature} over the exact body: new
 * transactions start the team's sync, a broken enrollment disconnects the connection.
 */
@Path("/webhooks/teller")
@Tag(name = "Provider webhooks")
public class TellerWebhookResource {

  private final TellerWebhookVerifier verifier;
  private final TellerWebhookParser parser;
  private final ProviderWebhooks webhooks;

  TellerWebhookResource(
      TellerWebhookVerifier verifier, TellerWebhookParser parser, ProviderWebhooks webhooks) {
    this.verifier = verifier;
    this.parser = parser;
    this.webhooks = webhooks;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Receive a Teller webhook (signed with the Teller-Signature header)")
  public Response receive(
      @HeaderParam(TellerWebhookVerifier.HEADER) String signature, byte[] body) {
    try {
      verifier.verify(signature, body);
    } catch (IllegalStateException e) {
      throw new ProblemException(
          Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              "webhooks-not-configured",
              "Teller webhooks are off here: set nightshift.transactions.teller.signing-secret."));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Problem.of(Response.Status.UNAUTHORIZED, "invalid-signature", e.getMessage()));
    }
    TellerWebhook hook;
    try {
      hook = parser.parse(body);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-webhook", e.getMessage());
    }
    switch (hook.type()) {
      case TRANSACTIONS_PROCESSED -> webhooks.transactionsChanged("teller", hook.enrollmentId());
      case ENROLLMENT_DISCONNECTED ->
          webhooks.disconnected("teller", hook.enrollmentId(), "Teller: " + hook.reason());
      default -> {
        // Acknowledged: nothing to do for tests, verifications and types added later.
      }
    }
    return Response.noContent().build();
  }
}
