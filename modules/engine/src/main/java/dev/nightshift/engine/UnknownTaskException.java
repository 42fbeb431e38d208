package dev.nightshift.engine;

/** No task with the given id is deployed. */
public class UnknownTaskException extends RuntimeException {

  public UnknownTaskException(String taskId) {
    super("No task with id '" + taskId + "'.");
  }
}
