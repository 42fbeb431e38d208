package dev.nightshift.platform.telemetry;

import dev.nightshift.platform.config.ApplicationPhase;
import dev.nightshift.platform.config.ExplicitSettings;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes the OTLP endpoint the one switch for tracing: with {@code
 * quarkus.otel.exporter.otlp.endpoint} (or its traces variant) configured, spans are exported
 * there; without one, the OpenTelemetry SDK is off, so nothing retries a collector that does not
 * exist and fills the log. An explicit {@code quarkus.otel.sdk.disabled} wins over both.
 */
public final class TracingSwitchConfigSourceFactory implements ConfigSourceFactory {

  private static final String DISABLED = "quarkus.otel.sdk.disabled";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    // Decided at run time only: a value seen during the build would become a baked-in default.
    if (!ApplicationPhase.isBuilt()
        || ExplicitSettings.isSet(context, DISABLED)
        || ExplicitSettings.isSet(context, "quarkus.otel.exporter.otlp.endpoint")
        || ExplicitSettings.isSet(context, "quarkus.otel.exporter.otlp.traces.endpoint")) {
      return List.of();
    }
    return List.of(
        new PropertiesConfigSource(Map.of(DISABLED, "true"), "nightshift-tracing-switch", 150));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(100);
  }
}
