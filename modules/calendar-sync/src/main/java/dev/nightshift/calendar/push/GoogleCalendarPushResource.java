package dev.nightshift.calendar.push;

import dev.nightshift.calendar.connection.ConnectionStore;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.sync.SyncRuns;
import dev.nightshift.calendar.sync.SyncTrigger;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Google Calendar push notifications (an empty POST whose headers say what happened), authenticated
 * by the channel's token ({@link ChannelTokens}). {@code sync} only confirms a new channel; {@code
 * exists} (and {@code not_exists}) means the calendar changed: an incremental sync of the
 * connection is triggered at once, once per channel and message number, so a notification Google
 * delivers twice syncs once.
 */
@Path("/webhooks/google-calendar")
@Tag(name = "Provider webhooks")
public class GoogleCalendarPushResource {

  private static final Duration DEDUPLICATION = Duration.ofDays(1);

  private final ChannelTokens tokens;
  private final ConnectionStore connections;
  private final SyncRuns runs;

  GoogleCalendarPushResource(ChannelTokens tokens, ConnectionStore connections, SyncRuns runs) {
    this.tokens = tokens;
    this.connections = connections;
    this.runs = runs;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Receive a Google Calendar push notification (channel format)")
  public Response receive(
      @HeaderParam("X-Goog-Channel-ID") String channelId,
      @HeaderParam("X-Goog-Channel-Token") String token,
      @HeaderParam("X-Goog-Resource-ID") String resourceId,
      @HeaderParam("X-Goog-Resource-State") String state,
      @HeaderParam("X-Goog-Message-Number") String messageNumber) {
    if (!tokens.enabled()) {
      throw new ProblemException(
          Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              "push-not-configured",
              "Push notifications are off here: set nightshift.calendar.sync.push-secret."));
    }
    if (channelId == null) {
      throw ProblemException.badRequest("invalid-notification", "X-Goog-Channel-ID is required.");
    }
    var connectionId =
        ChannelTokens.connectionOf(channelId)
            .orElseThrow(() -> ProblemException.notFound("push channel", channelId));
    if (!tokens.valid(connectionId, token)) {
      throw new ProblemException(
          Problem.of(
              Response.Status.UNAUTHORIZED,
              "invalid-channel-token",
              "X-Goog-Channel-Token is not the token of channel " + channelId + "."));
    }
    var connection =
        connections
            .find(connectionId)
            // Only Google connections have channels; a feed's id names none.
            .filter(found -> found.provider() == ProviderName.GOOGLE)
            .orElseThrow(() -> ProblemException.notFound("push channel", channelId));
    if (state == null || resourceId == null || messageNumber == null) {
      throw ProblemException.badRequest(
          "invalid-notification",
          "X-Goog-Resource-State, X-Goog-Resource-ID and X-Goog-Message-Number are required.");
    }
    switch (state) {
      case "sync" -> {
        // The channel's first message: it works; nothing changed yet.
      }
      case "exists", "not_exists" -> {
        if (connection.active()) {
          runs.incremental(
              connection.teamId(),
              connection.id(),
              SyncTrigger.PUSH,
              "google-push:" + channelId + ":" + messageNumber,
              DEDUPLICATION);
        }
      }
      default ->
          throw ProblemException.badRequest(
              "invalid-notification",
              "X-Goog-Resource-State must be sync, exists or not_exists, not " + state + ".");
    }
    return Response.ok().build();
  }
}
