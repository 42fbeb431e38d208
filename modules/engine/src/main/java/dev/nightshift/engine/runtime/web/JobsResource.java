package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.runtime.jobs.JobMetrics;
import dev.nightshift.engine.runtime.jobs.JobStatus;
import dev.nightshift.engine.runtime.jobs.JobsService;
import dev.nightshift.engine.runtime.jobs.MetricsWindow;
import dev.nightshift.platform.auth.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The job manager's view of the tasks. A team key counts its own team's runs only; the admin key
 * counts every run, or one team's with {@code ?team=}.
 */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobsResource {

  private final JobsService jobs;
  private final Caller caller;

  JobsResource(JobsService jobs, Caller caller) {
    this.jobs = jobs;
    this.caller = caller;
  }

  @GET
  @Path("/status")
  @Operation(
      summary =
          "Every deployed task: status, last and next run, last duration, last error, queued and"
              + " executing runs")
  public JobStatus status(@QueryParam("team") UUID team) {
    return jobs.status(scope(team));
  }

  @GET
  @Path("/metrics")
  @Operation(
      summary =
          "Executions, successes, failures, average and p95 duration over a window (default 24h),"
              + " in total and per task")
  public JobMetrics metrics(@QueryParam("window") String window, @QueryParam("team") UUID team) {
    var parsed = MetricsWindow.parse(window);
    return jobs.metrics(parsed, scope(team));
  }

  /** The team whose runs to count; null for every run (the admin without {@code ?team=}). */
  private UUID scope(UUID requested) {
    if (caller.isAdmin()) {
      return requested;
    }
    if (requested != null) {
      // Another team gets the same 404 as a team that does not exist.
      caller.requireAccessTo(requested);
    }
    return caller.team().orElseThrow();
  }
}
