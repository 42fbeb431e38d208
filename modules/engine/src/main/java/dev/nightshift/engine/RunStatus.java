package dev.nightshift.engine;

/**
 * The states of a run. {@code QUEUED -> EXECUTING -> COMPLETED | FAILED | CANCELED | TIMED_OUT}; a
 * failed attempt with attempts left goes back to {@code QUEUED} with a later start; a run not
 * started before its TTL ends {@code EXPIRED}. Terminal states never change.
 */
public enum RunStatus {
  QUEUED,
  EXECUTING,
  WAITING,
  COMPLETED,
  FAILED,
  CANCELED,
  TIMED_OUT,
  EXPIRED;

  public boolean isTerminal() {
    return switch (this) {
      case COMPLETED, FAILED, CANCELED, TIMED_OUT, EXPIRED -> true;
      case QUEUED, EXECUTING, WAITING -> false;
    };
  }
}
