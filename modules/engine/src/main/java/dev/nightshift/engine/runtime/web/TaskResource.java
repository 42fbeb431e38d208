package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Engine.BatchItem;
import dev.nightshift.engine.TriggerResult;
import dev.nightshift.platform.auth.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Triggering runs over REST. */
@Path("/api/v1/tasks/{task}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class TaskResource {

  /** The answer to a batch trigger, in the order of the items. */
  public record BatchResult(List<TriggerResult> runs) {}

  private final Engine engine;
  private final Caller caller;

  TaskResource(Engine engine, Caller caller) {
    this.engine = engine;
    this.caller = caller;
  }

  @POST
  @Path("/trigger")
  @Operation(summary = "Trigger a run; with an idempotency key, a repeat returns the same run")
  public TriggerResult trigger(
      @PathParam("task") String task, @NotNull @Valid TriggerRequest body) {
    return engine.trigger(task, body.payload(), TriggerOptionsMapping.from(body.options(), caller));
  }

  @POST
  @Path("/batch")
  @Operation(summary = "Trigger up to 1000 runs of one task in one request and one round trip")
  public BatchResult batch(
      @PathParam("task") String task, @NotNull @Valid BatchTriggerRequest body) {
    var items =
        body.items().stream()
            .map(i -> new BatchItem(i.payload(), TriggerOptionsMapping.from(i.options(), caller)))
            .toList();
    return new BatchResult(engine.batchTrigger(task, items));
  }
}
