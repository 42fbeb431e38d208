package dev.nightshift.calendar.provider;

import java.util.Locale;

public enum ProviderName {
  GOOGLE,
  ICS;

  /** The name stored in {@code calendar.connections.provider} and used in the API. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ProviderName fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
