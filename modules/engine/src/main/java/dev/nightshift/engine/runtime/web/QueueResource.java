package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.runtime.store.QueueStore;
import dev.nightshift.engine.runtime.store.QueueStore.QueueView;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.Caller;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Queues are shared by all teams, so only the admin key sees and pauses them. */
@Path("/api/v1/queues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues")
public class QueueResource {

  private final QueueStore queues;
  private final Caller caller;

  QueueResource(QueueStore queues, Caller caller) {
    this.queues = queues;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary = "List queues with their limits, and how many runs wait and execute (admin key)")
  public Page<QueueView> list() {
    caller.requireAdmin();
    return new Page<>(queues.list(), null);
  }

  @POST
  @Path("/{queue}/pause")
  @Operation(summary = "Stop starting runs of the queue; executing runs finish (admin key)")
  public Response pause(@PathParam("queue") String queue) {
    return setPaused(queue, true);
  }

  @POST
  @Path("/{queue}/resume")
  @Operation(summary = "Start runs of the queue again (admin key)")
  public Response resume(@PathParam("queue") String queue) {
    return setPaused(queue, false);
  }

  private Response setPaused(String queue, boolean paused) {
    caller.requireAdmin();
    if (!queues.setPaused(queue, paused)) {
      throw ProblemException.notFound("queue", queue);
    }
    return Response.noContent().build();
  }
}
