package dev.nightshift.calendar;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A push URL, so Nightshift opens Google watch channels itself. Google never posts to it in tests:
 * the address only goes into the watch requests WireMock receives.
 */
public class PushUrlProfile implements QuarkusTestProfile {

  public static final String PUSH_URL = "https://nightshift.example/webhooks/google-calendar";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("nightshift.calendar.google.push-url", PUSH_URL);
  }
}
