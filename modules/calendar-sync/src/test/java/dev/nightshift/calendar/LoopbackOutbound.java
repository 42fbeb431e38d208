package dev.nightshift.calendar;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Lets the platform's guarded outbound HTTP reach 127.0.0.1, where WireMock serves test feeds. Only
 * the classes that name this resource get it: elsewhere loopback stays refused.
 */
public class LoopbackOutbound implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("nightshift.outbound.allowed-networks", "127.0.0.1/32");
  }

  @Override
  public void stop() {}
}
