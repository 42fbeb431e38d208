package dev.nightshift.engine.runtime.trigger;

/** A trigger named a queue no task declares; such a queue would have no limit and no pause. */
public class UnknownQueueException extends RuntimeException {

  public UnknownQueueException(String queue) {
    super("No task declares the queue '" + queue + "'.");
  }
}
