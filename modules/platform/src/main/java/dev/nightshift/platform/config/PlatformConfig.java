package dev.nightshift.platform.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the platform: who may call the API and how much they may send. The embedded
 * database's settings ({@code nightshift.embedded-database.*}) are read before configuration
 * mappings exist; see {@code EmbeddedDatabaseConfigSourceFactory}.
 */
@ConfigMapping(prefix = "nightshift")
public interface PlatformConfig {

  /**
   * The operator's key for {@code /api/v1/teams} and other admin endpoints, from the environment
   * ({@code NIGHTSHIFT_ADMIN_KEY}). Without one, admin endpoints refuse every caller.
   */
  Optional<String> adminKey();

  /** Limits of the JSON API. */
  Api api();

  interface Api {

    /**
     * The largest request body a JSON endpoint accepts; larger ones get 413. Upload endpoints set
     * their own limits.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Signs the short-lived tokens that let a browser follow one run's events; the same on every
     * node. Without it, a secret derived from the admin key is used.
     */
    Optional<String> tokenSecret();

    /** How long such a token stays valid. */
    @WithDefault("15m")
    Duration streamTokenTtl();
  }
}
