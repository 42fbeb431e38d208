package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.TriggerResult;
import dev.nightshift.engine.runtime.journal.JournalStore;
import dev.nightshift.engine.runtime.store.RunCommands;
import dev.nightshift.engine.runtime.store.RunFilter;
import dev.nightshift.engine.runtime.store.RunView;
import dev.nightshift.engine.runtime.task.TaskRegistry;
import dev.nightshift.engine.runtime.trigger.DefaultEngine;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runs: read, list and control. A team key sees its team's runs only; any other run answers 404, as
 * if it did not exist. The admin key sees every run.
 */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunResource {

  private final RunAccess access;
  private final RunCommands commands;
  private final DefaultEngine engine;
  private final TaskRegistry tasks;
  private final JournalStore journal;

  RunResource(
      RunAccess access,
      RunCommands commands,
      DefaultEngine engine,
      TaskRegistry tasks,
      JournalStore journal) {
    this.access = access;
    this.journal = journal;
    this.commands = commands;
    this.engine = engine;
    this.tasks = tasks;
  }

  @GET
  @Path("/{run}")
  @Operation(summary = "Get a run with its payload, output, attempts, progress and steps")
  public RunView get(@PathParam("run") UUID id) {
    return visible(id).withSteps(journal.list(id));
  }

  @GET
  @Operation(summary = "List runs, newest first, with filters and a cursor")
  public Page<RunView> list(
      @QueryParam("task") String task,
      @QueryParam("status") RunStatus status,
      @QueryParam("tag") String tag,
      @QueryParam("team") UUID team,
      @QueryParam("from") Instant from,
      @QueryParam("to") Instant to,
      @QueryParam("cursor") UUID cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return access.list(new RunFilter(team, task, status, tag, from, to, cursor, limit));
  }

  @POST
  @Path("/{run}/cancel")
  @Operation(summary = "Cancel a run that has not finished; 409 if it has")
  public RunView cancel(@PathParam("run") UUID id) {
    visible(id);
    if (!commands.cancel(id)) {
      throw ProblemException.conflict("Run " + id + " has already finished.");
    }
    return visible(id);
  }

  @POST
  @Path("/{run}/retry")
  @Operation(
      summary = "Queue a failed, timed-out, canceled or expired run again, with fresh attempts")
  public RunView retry(@PathParam("run") UUID id) {
    var run = visible(id);
    int attempts = tasks.find(run.taskId()).map(t -> t.settings().maxAttempts()).orElse(1);
    if (!commands.retry(id, attempts)) {
      throw ProblemException.conflict(
          "Run "
              + id
              + " is "
              + run.status()
              + "; only runs that ended without success can be retried.");
    }
    return visible(id);
  }

  @POST
  @Path("/{run}/replay")
  @Operation(summary = "Trigger a new run of the same task with the same payload, team and tags")
  public TriggerResult replay(@PathParam("run") UUID id) {
    var run = visible(id);
    return engine.replay(run.taskId(), run.payload(), run.teamId(), run.tags());
  }

  private RunView visible(UUID id) {
    return access.visible(id);
  }
}
