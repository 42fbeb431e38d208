package dev.nightshift.exports.benchmark;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs the benchmark as users run exports: the test configuration's {@code %test.} settings, such
 * as pages of 50 rows that make the functional tests cross page boundaries, do not apply.
 */
public class ShippedDefaults implements QuarkusTestProfile {

  @Override
  public String getConfigProfile() {
    return "benchmark";
  }
}
