package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.runtime.store.RunFilter;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.runtime.store.RunView;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.Caller;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.UUID;

/**
 * Which runs the caller may see: a team its own, the admin every one. Any other run is answered
 * 404, as if it did not exist.
 */
@RequestScoped
class RunAccess {

  private final RunReads reads;
  private final Caller caller;

  RunAccess(RunReads reads, Caller caller) {
    this.reads = reads;
    this.caller = caller;
  }

  /** Lists the runs the caller may see: a team key always lists its own team only. */
  Page<RunView> list(RunFilter requested) {
    if (!caller.isAdmin()
        && requested.teamId() != null
        && !requested.teamId().equals(caller.team().orElse(null))) {
      return new Page<>(List.of(), null);
    }
    UUID team = caller.isAdmin() ? requested.teamId() : caller.team().orElseThrow();
    var filter =
        new RunFilter(
            team,
            requested.taskId(),
            requested.status(),
            requested.tag(),
            requested.createdFrom(),
            requested.createdTo(),
            requested.before(),
            requested.limit());
    var runs = reads.list(filter);
    var next = runs.size() == filter.limit() ? runs.getLast().id().toString() : null;
    return new Page<>(runs, next);
  }

  RunView visible(UUID id) {
    var run = reads.find(id).orElseThrow(() -> ProblemException.notFound("run", id));
    if (!caller.isAdmin()
        && (run.teamId() == null || !run.teamId().equals(caller.team().orElse(null)))) {
      throw ProblemException.notFound("run", id);
    }
    return run;
  }
}
