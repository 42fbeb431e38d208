package dev.nightshift.transactions.web;

import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.plaid.PlaidWebhook;
import dev.nightshift.transactions.provider.plaid.PlaidWebhookParser;
import dev.nightshift.transactions.provider.plaid.PlaidWebhookRejectedException;
import dev.nightshift.transactions.provider.plaid.PlaidWebhookVerifier;
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
 * Plaid's TRANSACTIONS and ITEM webhooks, authenticated by the {@code Plaid-Verification} JWT over
 * the exact body: updates start the team's sync, removals delete, Item errors disconnect and a
 * repaired login reconnects.
 */
@Path("/webhooks/plaid")
@Tag(name = "Provider webhooks")
public class PlaidWebhookResource {

  private static final String PROVIDER = "plaid";

  private final PlaidWebhookVerifier verifier;
  private final PlaidWebhookParser parser;
  private final ProviderWebhooks webhooks;

  PlaidWebhookResource(
      PlaidWebhookVerifier verifier, PlaidWebhookParser parser, ProviderWebhooks webhooks) {
    this.verifier = verifier;
    this.parser = parser;
    this.webhooks = webhooks;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Receive a Plaid webhook (signed with the Plaid-Verification header)")
  public Response receive(@HeaderParam("Plaid-Verification") String verification, byte[] body) {
    try {
      verifier.verify(verification, body);
    } catch (PlaidWebhookRejectedException e) {
      throw new ProblemException(
          Problem.of(Response.Status.UNAUTHORIZED, "invalid-signature", e.getMessage()));
    } catch (ProviderUnavailableException e) {
      throw new ProblemException(
          Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              "verification-unavailable",
              "Plaid's verification key could not be fetched; Plaid retries the webhook."));
    }
    PlaidWebhook hook;
    try {
      hook = parser.parse(body);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-webhook", e.getMessage());
    }
    switch (hook.reaction()) {
      case SYNC -> webhooks.transactionsChanged(PROVIDER, hook.itemId());
      case REMOVE_TRANSACTIONS ->
          webhooks.transactionsRemoved(PROVIDER, hook.itemId(), hook.removedTransactions());
      case DISCONNECTED ->
          webhooks.disconnected(
              PROVIDER, hook.itemId(), "Plaid: " + hook.errorCode() + " " + hook.code());
      case CONNECTED -> webhooks.reconnected(PROVIDER, hook.itemId());
      case NONE -> {
        // Acknowledged: webhooks the module does not act on.
      }
    }
    return Response.noContent().build();
  }
}
