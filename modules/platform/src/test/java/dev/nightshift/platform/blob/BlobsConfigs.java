package dev.nightshift.platform.blob;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** {@link BlobsConfig} mapped from properties, with its defaults, the way Quarkus maps it. */
final class BlobsConfigs {

  private BlobsConfigs() {}

  static BlobsConfig of(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(BlobsConfig.class)
        .withConverter(MemorySize.class, 200, new MemorySizeConverter())
        .addDefaultInterceptors()
        .addSystemSources()
        .withSources(new PropertiesConfigSource(properties, "test", 400))
        .build()
        .getConfigMapping(BlobsConfig.class);
  }
}
