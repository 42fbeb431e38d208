package dev.nightshift.engine.runtime.wait;

/**
 * Unwinds a task's stack when it waits: the attempt ends and the run becomes WAITING. An {@link
 * Error}, so that a task's {@code catch (Exception e)} does not swallow it.
 */
public final class Suspension extends Error {

  private final transient WaitSpec wait;

  public Suspension(WaitSpec wait) {
    super(
        "The run waits (" + wait.type() + "); it resumes when the wait is over",
        null,
        false,
        false);
    this.wait = wait;
  }

  public WaitSpec waitSpec() {
    return wait;
  }
}
