package dev.nightshift.platform.config;

import io.smallrye.config.ConfigSourceContext;
import java.util.Optional;

/**
 * Reads settings that someone configured, as opposed to defaults. Quarkus serves the default of
 * every known property through config sources of negative ordinal, so a config source factory that
 * asks "is X configured?" must ignore those.
 */
public final class ExplicitSettings {

  private ExplicitSettings() {}

  /** The value of {@code name} from properties, the environment or system properties. */
  public static Optional<String> get(ConfigSourceContext context, String name) {
    var value = context.getValue(name);
    if (value == null
        || value.getValue() == null
        || value.getValue().isBlank()
        || value.getConfigSourceOrdinal() <= 0) {
      return Optional.empty();
    }
    return Optional.of(value.getValue());
  }

  public static boolean isSet(ConfigSourceContext context, String name) {
    return get(context, name).isPresent();
  }
}
