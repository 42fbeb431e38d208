package dev.nightshift.engine.runtime.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.runtime.journal.ChildTrigger;
import dev.nightshift.engine.runtime.journal.JournalStore;
import dev.nightshift.engine.runtime.telemetry.RunMetrics;
import dev.nightshift.engine.runtime.telemetry.RunTracing;

/** What every execution shares: reporting, JSON, the journal, tracing and metrics. */
record ExecutionTools(
    ProgressReporter reporter,
    ObjectMapper json,
    JournalStore journal,
    ChildTrigger children,
    RunTracing tracing,
    RunMetrics metrics) {}
