package dev.nightshift.engine;

/**
 * A unit of work the engine runs durably: a CDI bean annotated with {@link TaskDefinition}, whose
 * {@link #run} receives a JSON payload as {@code P} and returns a JSON-serialisable {@code R}.
 *
 * <p><b>Guarantees.</b> A triggered run executes at least once: a node that dies mid-run loses its
 * lease and another node runs the attempt again. Write {@code run} so that repeating it is harmless
 * (upserts, idempotency keys towards providers). A run ends in exactly one terminal state; once it
 * has, nothing changes it.
 *
 * <p><b>Errors.</b> Any exception fails the attempt; the run is retried with exponential backoff
 * until its attempts are used up, unless the exception is a {@link NonRetryableException} (fails at
 * once) or a {@link RetryLaterException} (retried after the given delay).
 *
 * <p><b>Threads.</b> Each attempt runs on its own virtual thread; one bean instance serves all
 * attempts concurrently, so keep it stateless.
 *
 * @param <P> the payload type, deserialised from the run's JSON payload
 * @param <R> the result type, serialised into the run's output
 */
public interface Task<P, R> {

  R run(P payload, TaskContext context) throws Exception;
}
