package dev.nightshift.engine;

/** The work of a durable step without a result; see {@link TaskContext#step}. */
@FunctionalInterface
public interface StepAction {

  void run() throws Exception;
}
