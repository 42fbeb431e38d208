package dev.nightshift.calendar.benchmark;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs a benchmark with the settings users run: the test configuration's {@code %test.} values,
 * such as batches of 50 rows that make the functional tests cross statement boundaries, do not
 * apply.
 */
public class BenchmarkDefaults implements QuarkusTestProfile {

  @Override
  public String getConfigProfile() {
    return "benchmark";
  }
}
