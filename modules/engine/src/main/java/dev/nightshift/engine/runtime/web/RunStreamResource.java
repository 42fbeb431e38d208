package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.runtime.store.RunView;
import dev.nightshift.engine.runtime.stream.RunStreams;
import dev.nightshift.platform.auth.Caller;
import dev.nightshift.platform.auth.ScopedTokens;
import dev.nightshift.platform.config.PlatformConfig;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Following a run live: a Server-Sent Events stream, and tokens that open it from a browser. */
@Path("/api/v1/runs/{run}")
@Tag(name = "Runs")
public class RunStreamResource {

  /** A token for one run's stream; pass it as {@code ?access_token=} to {@code url}. */
  public record StreamToken(String token, Instant expiresAt, String url) {}

  private final RunAccess access;
  private final RunStreams streams;
  private final ScopedTokens tokens;
  private final Caller caller;
  private final PlatformConfig config;

  RunStreamResource(
      RunAccess access,
      RunStreams streams,
      ScopedTokens tokens,
      Caller caller,
      PlatformConfig config) {
    this.access = access;
    this.streams = streams;
    this.tokens = tokens;
    this.caller = caller;
    this.config = config;
  }

  @GET
  @Path("/events")
  @Blocking
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Server-Sent Events: the run's state now and after each change, until it ends")
  public Multi<RunView> events(@PathParam("run") UUID id) {
    access.visible(id);
    return streams.follow(id);
  }

  @POST
  @Path("/token")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "A short-lived token that lets a browser open this run's event stream, and nothing else")
  public StreamToken token(@PathParam("run") UUID id) {
    access.visible(id);
    String path = "/api/v1/runs/" + id + "/events";
    var ttl = config.api().streamTokenTtl();
    return new StreamToken(tokens.issue(path, caller.team(), ttl), Instant.now().plus(ttl), path);
  }
}
