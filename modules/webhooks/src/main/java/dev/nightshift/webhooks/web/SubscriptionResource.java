package dev.nightshift.webhooks.web;

import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.ProblemException;
import dev.nightshift.webhooks.delivery.Deliveries;
import dev.nightshift.webhooks.delivery.Delivery;
import dev.nightshift.webhooks.subscription.Subscription;
import dev.nightshift.webhooks.subscription.SubscriptionStore;
import dev.nightshift.webhooks.subscription.Subscriptions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's webhook subscriptions: the endpoints that receive its events. */
@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class SubscriptionResource {

  private final Subscriptions subscriptions;
  private final SubscriptionStore store;
  private final Deliveries deliveries;
  private final TeamScope scope;

  SubscriptionResource(
      Subscriptions subscriptions,
      SubscriptionStore store,
      Deliveries deliveries,
      TeamScope scope) {
    this.subscriptions = subscriptions;
    this.store = store;
    this.deliveries = deliveries;
    this.scope = scope;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Subscribe an endpoint to events (names or patterns such as transactions.*); the"
              + " answer holds the signing secret")
  public Response create(@NotNull @Valid SubscriptionRequest body) {
    var team = scope.team(body.team());
    var created =
        valid(
            () ->
                subscriptions.create(
                    team,
                    body.url(),
                    body.events(),
                    body.description(),
                    body.secret(),
                    body.active() == null || body.active()));
    return Response.status(Response.Status.CREATED)
        .entity(new CreatedSubscription(created.subscription(), created.secret().value()))
        .build();
  }

  @GET
  @Operation(summary = "List the team's webhook subscriptions, oldest first")
  public Page<Subscription> list(@QueryParam("team") UUID team) {
    return new Page<>(store.listFor(scope.team(team), false), null);
  }

  @GET
  @Path("/{subscription}")
  @Operation(summary = "Get a webhook subscription")
  public Subscription get(@PathParam("subscription") UUID id) {
    return visible(id);
  }

  @PATCH
  @Path("/{subscription}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change a subscription's URL, events, description or active flag; activating it"
              + " again clears its failures")
  public Subscription update(
      @PathParam("subscription") UUID id, @NotNull @Valid SubscriptionChange body) {
    visible(id);
    return valid(
            () ->
                subscriptions.update(
                    id, body.url(), body.events(), body.description(), body.active()))
        .orElseThrow(() -> ProblemException.notFound("webhook subscription", id));
  }

  @DELETE
  @Path("/{subscription}")
  @Operation(summary = "Delete a subscription with its deliveries")
  public Response delete(@PathParam("subscription") UUID id) {
    visible(id);
    store.delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("/{subscription}/secret")
  @Operation(summary = "Get the secret that signs the subscription's deliveries")
  public SecretView secret(@PathParam("subscription") UUID id) {
    visible(id);
    var secrets =
        store
            .signing(id)
            .orElseThrow(() -> ProblemException.notFound("webhook subscription", id))
            .secrets();
    return new SecretView(
        secrets.current().value(),
        secrets.signingAt(java.time.Instant.now()).size() > 1 ? secrets.previousExpiresAt() : null);
  }

  @POST
  @Path("/{subscription}/secret/rotate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replace the signing secret; the old one keeps signing alongside for the overlap"
              + " (24 hours unless given)")
  public SecretView rotate(@PathParam("subscription") UUID id, RotationRequest body) {
    visible(id);
    var request = body == null ? new RotationRequest(null, null) : body;
    valid(() -> subscriptions.rotate(id, request.secret(), request.overlap()))
        .orElseThrow(() -> ProblemException.notFound("webhook subscription", id));
    return secret(id);
  }

  @POST
  @Path("/{subscription}/ping")
  @Operation(
      summary =
          "Send a webhook.ping delivery to the endpoint now, whatever events it wants; follow"
              + " it at /webhook-deliveries/{id}")
  public Response ping(@PathParam("subscription") UUID id) {
    Delivery delivery = deliveries.ping(visible(id));
    return Response.accepted(delivery).build();
  }

  @POST
  @Path("/{subscription}/redeliver")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Deliver again every failed delivery made since a time (at most 10,000 per call,"
              + " oldest first)")
  public Response redeliver(
      @PathParam("subscription") UUID id, @NotNull @Valid RedeliveryRequest body) {
    var subscription = visible(id);
    if (!subscription.active()) {
      throw ProblemException.conflict(
          "The subscription is disabled; activate it before redelivering to it.");
    }
    int count = deliveries.redeliverFailed(subscription, body.since());
    return Response.accepted(
            Map.of("redelivered", count, "more", count == Deliveries.REDELIVER_LIMIT))
        .build();
  }

  private Subscription visible(UUID id) {
    var subscription =
        store.find(id).orElseThrow(() -> ProblemException.notFound("webhook subscription", id));
    scope.check(subscription.teamId(), "webhook subscription", id);
    return subscription;
  }

  private static <T> T valid(Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw ProblemException.unprocessable("invalid-webhook-subscription", e.getMessage());
    }
  }
}
