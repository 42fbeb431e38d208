package dev.nightshift.engine.runtime.wait;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often waits are checked: {@code nightshift.waits.*}. */
@ConfigMapping(prefix = "nightshift.waits")
public interface WaitConfig {

  /**
   * How often every node looks for waits whose time came (or timed out): a time wait ends up to
   * this much late. Events and finished children resume their runs at once.
   */
  @WithDefault("1s")
  Duration pollInterval();

  /** Most runs resumed per statement. */
  @WithDefault("1000")
  int batch();
}
