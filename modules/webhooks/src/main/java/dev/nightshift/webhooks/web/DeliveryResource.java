package dev.nightshift.webhooks.web;

import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.ProblemException;
import dev.nightshift.webhooks.delivery.Deliveries;
import dev.nightshift.webhooks.delivery.Delivery;
import dev.nightshift.webhooks.delivery.DeliveryDetail;
import dev.nightshift.webhooks.delivery.DeliveryStore;
import dev.nightshift.webhooks.subscription.SubscriptionStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's webhook deliveries, each with its attempts, and redelivery. */
@Path("/api/v1/webhook-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class DeliveryResource {

  private final DeliveryStore store;
  private final SubscriptionStore subscriptions;
  private final Deliveries deliveries;
  private final TeamScope scope;

  DeliveryResource(
      DeliveryStore store,
      SubscriptionStore subscriptions,
      Deliveries deliveries,
      TeamScope scope) {
    this.store = store;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.scope = scope;
  }

  @GET
  @Operation(summary = "List deliveries, newest first; filter by subscription and status")
  public Page<Delivery> list(
      @QueryParam("team") UUID team,
      @QueryParam("subscription") UUID subscription,
      @QueryParam("status") @Pattern(regexp = "pending|succeeded|failed") String status,
      @QueryParam("cursor") UUID cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    var found = store.list(scope.team(team), subscription, status, cursor, limit);
    if (found.size() <= limit) {
      return new Page<>(found, null);
    }
    var page = found.subList(0, limit);
    return new Page<>(page, page.get(limit - 1).id().toString());
  }

  @GET
  @Path("/{delivery}")
  @Operation(summary = "Get a delivery with its body and every attempt")
  public DeliveryDetail get(@PathParam("delivery") UUID id) {
    visible(id);
    return store.detail(id).orElseThrow(() -> ProblemException.notFound("webhook delivery", id));
  }

  @POST
  @Path("/{delivery}/redeliver")
  @Operation(
      summary = "Deliver a finished delivery again, with a fresh round of retries and the same id")
  public Response redeliver(@PathParam("delivery") UUID id) {
    var delivery = visible(id);
    var subscription =
        subscriptions
            .find(delivery.subscriptionId())
            .orElseThrow(() -> ProblemException.notFound("webhook delivery", id));
    if (!subscription.active() && !delivery.isPing()) {
      throw ProblemException.conflict(
          "The subscription is disabled; activate it before redelivering to it.");
    }
    if (!deliveries.redeliver(delivery)) {
      throw ProblemException.conflict("The delivery is still pending; it is being tried.");
    }
    return Response.accepted(store.find(id).orElseThrow()).build();
  }

  private Delivery visible(UUID id) {
    var delivery =
        store.find(id).orElseThrow(() -> ProblemException.notFound("webhook delivery", id));
    scope.check(delivery.teamId(), "webhook delivery", id);
    return delivery;
  }
}
