package dev.nightshift.engine.runtime.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.runtime.telemetry.RunMetrics;
import dev.nightshift.engine.runtime.telemetry.RunTracing;

/** What every execution shares: reporting, JSON, tracing and metrics. */
record ExecutionTools(
    ProgressReporter reporter, ObjectMapper json, RunTracing tracing, RunMetrics metrics) {}
