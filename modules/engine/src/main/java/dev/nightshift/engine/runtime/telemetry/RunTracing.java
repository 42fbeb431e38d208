package dev.nightshift.engine.runtime.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Traces runs across nodes: the trace context current when a run is triggered is stored with the
 * run (W3C {@code traceparent}), and each attempt becomes a span whose parent is that context,
 * wherever and however much later the attempt executes.
 */
@ApplicationScoped
public class RunTracing {

  private static final String TRACEPARENT = "traceparent";

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final Tracer tracer;

  RunTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** The current trace context as a W3C traceparent, or null outside a sampled trace. */
  public String currentTraceParent() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    var carrier = new HashMap<String, String>();
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /** Starts the span of one attempt as a child of the trigger's context; the caller ends it. */
  public Span startAttempt(String taskId, UUID runId, int attempt, String traceParent) {
    var parent =
        traceParent == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceParent), GETTER);
    return tracer
        .spanBuilder("run " + taskId)
        .setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute("nightshift.task", taskId)
        .setAttribute("nightshift.run.id", runId.toString())
        .setAttribute("nightshift.run.attempt", attempt)
        .startSpan();
  }

  /** Records how the attempt ended and ends its span. */
  public static void endAttempt(Span span, String outcome, Throwable error) {
    span.setAttribute("nightshift.run.outcome", outcome);
    if (error != null) {
      span.recordException(error);
      span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    }
    span.end();
  }
}
