package dev.nightshift.calendar.provider.ics;

import dev.nightshift.platform.outbound.AddressGuard;
import dev.nightshift.platform.outbound.OutboundConfig;
import dev.nightshift.platform.outbound.OutboundHttp;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The provider built the way Quarkus builds it, from properties with their defaults. */
final class IcsProviders {

  private IcsProviders() {}

  /** Returns the provider and the client under it, which the caller closes. */
  record Built(IcsProvider provider, OutboundHttp http) {}

  static Built of(Map<String, String> properties) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(OutboundConfig.class)
            .withMapping(IcsConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withConverter(MemorySize.class, 200, new MemorySizeConverter())
            .withSources(new PropertiesConfigSource(properties, "test", 400))
            .build();
    OutboundConfig outbound = config.getConfigMapping(OutboundConfig.class);
    IcsConfig ics = config.getConfigMapping(IcsConfig.class);
    var http =
        new OutboundHttp(outbound, new AddressGuard(outbound.allowedNetworks().orElse(List.of())));
    return new Built(new IcsProvider(new FeedClient(http, ics), ics), http);
  }
}
