/**
 * Self-test tasks shipped in the application, so that benchmarks and reliability tests run against
 * the real binary (docs/benchmarks.md, {@code EngineReliabilityIT}) rather than a test build.
 * Harmless to leave deployed: {@code selftest-noop} does nothing, {@code selftest-record} only
 * writes one small row per attempt into its own schema, {@code selftest}, which may be truncated at
 * any time, and {@code selftest-journey} (steps, a wait, children) one row per step. Nothing
 * triggers them unless someone asks for it.
 */
package dev.nightshift.app.selftest;
