package dev.nightshift.calendar.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoogleChannelsTest {

  @Test
  void aPlainHttpPushUrlIsRefused() {
    var channels = new GoogleChannels(null, pushUrl(Optional.of(URI.create("http://x.example/h"))));

    var refused = assertThrows(IllegalStateException.class, channels::pushUrl);

    assertTrue(refused.getMessage().contains("nightshift.calendar.google.push-url"));
  }

  @Test
  void anHttpsPushUrlOrNoneIsAccepted() {
    var https = URI.create("https://x.example/webhooks/google-calendar");

    assertEquals(
        Optional.of(https), new GoogleChannels(null, pushUrl(Optional.of(https))).pushUrl());
    assertEquals(Optional.empty(), new GoogleChannels(null, pushUrl(Optional.empty())).pushUrl());
  }

  /** A config that answers only {@code pushUrl()}, all {@link GoogleChannels#pushUrl} reads. */
  private static GoogleCalendarConfig pushUrl(Optional<URI> url) {
    return (GoogleCalendarConfig)
        Proxy.newProxyInstance(
            GoogleCalendarConfig.class.getClassLoader(),
            new Class<?>[] {GoogleCalendarConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("pushUrl")) {
                return url;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
