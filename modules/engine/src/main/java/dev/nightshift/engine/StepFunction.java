package dev.nightshift.engine;

/** The work of a durable step that returns a result; see {@link TaskContext#step}. */
@FunctionalInterface
public interface StepFunction<T> {

  T run() throws Exception;
}
