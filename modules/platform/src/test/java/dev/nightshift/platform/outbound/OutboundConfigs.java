package dev.nightshift.platform.outbound;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** {@link OutboundConfig} mapped from properties, with its defaults, the way Quarkus maps it. */
final class OutboundConfigs {

  private OutboundConfigs() {}

  static OutboundConfig of(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(OutboundConfig.class)
        .withConverter(Duration.class, 200, new DurationConverter())
        .withSources(new PropertiesConfigSource(properties, "test", 400))
        .build()
        .getConfigMapping(OutboundConfig.class);
  }
}
