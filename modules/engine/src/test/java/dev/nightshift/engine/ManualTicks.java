package dev.nightshift.engine;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * No background worker and no background scheduler: tests call the ticker and the test kit's {@code
 * drain()} themselves, so that every step is theirs.
 */
public class ManualTicks implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("nightshift.worker.enabled", "false", "nightshift.scheduler.poll-interval", "1h");
  }
}
