package dev.nightshift.engine.runtime.worker;

import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.runtime.store.ClaimedRun;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@link TaskContext} of one attempt; progress and metadata go through the reporter. */
final class ExecutionContext implements TaskContext {

  private final ClaimedRun run;
  private final ProgressReporter reporter;
  private volatile boolean cancelled;

  ExecutionContext(ClaimedRun run, ProgressReporter reporter) {
    this.run = run;
    this.reporter = reporter;
  }

  @Override
  public UUID runId() {
    return run.id();
  }

  @Override
  public String taskId() {
    return run.taskId();
  }

  @Override
  public int attempt() {
    return run.attempt();
  }

  @Override
  public Optional<UUID> teamId() {
    return Optional.ofNullable(run.teamId());
  }

  @Override
  public void progress(long done, long total, String message) {
    reporter.progress(run.id(), done, total, message);
  }

  @Override
  public void metadata(Map<String, Object> entries) {
    reporter.metadata(run.id(), entries);
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  void markCancelled() {
    cancelled = true;
  }
}
