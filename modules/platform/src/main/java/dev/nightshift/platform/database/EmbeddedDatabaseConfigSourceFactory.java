package dev.nightshift.platform.database;

import dev.nightshift.platform.config.ApplicationPhase;
import dev.nightshift.platform.config.ExplicitSettings;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Supplies the default datasource when none is configured: with no {@code
 * quarkus.datasource.jdbc.url} from any source (properties, environment, system properties), it
 * starts an {@link EmbeddedDatabase} and points the datasource at it.
 *
 * <p>It is a config source rather than a startup bean because the datasource and Flyway read their
 * settings before any bean runs. It acts only once the application is built, never while Quarkus
 * builds it. Settings (all optional):
 *
 * <ul>
 *   <li>{@code nightshift.embedded-database.enabled} (default {@code true}): set {@code false} to
 *       fail fast instead when no URL is configured;
 *   <li>{@code nightshift.embedded-database.data-dir} (default {@code ~/.nightshift/postgres}):
 *       where the cluster lives between restarts;
 *   <li>{@code nightshift.embedded-database.port} (default {@code 0}, a free port).
 * </ul>
 */
public final class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseConfigSourceFactory.class);
  private static final String URL = "quarkus.datasource.jdbc.url";
  private static final String DATABASE = "postgres";

  /** Quarkus builds its configuration more than once per process; one server serves them all. */
  private static EmbeddedDatabase running;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (ExplicitSettings.isSet(context, URL)
        || !Boolean.parseBoolean(valueOr(context, "nightshift.embedded-database.enabled", "true"))
        || !ApplicationPhase.isBuilt()
        || ApplicationPhase.isNativeImage()) {
      return List.of();
    }
    var server = serverFor(context);
    return List.of(
        new PropertiesConfigSource(
            Map.of(
                URL,
                server.jdbcUrl(DATABASE),
                "quarkus.datasource.username",
                EmbeddedDatabase.USER,
                "quarkus.datasource.password",
                ""),
            "nightshift-embedded-database",
            // Below application.properties (250), so any configured datasource wins.
            150));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(100);
  }

  private static synchronized EmbeddedDatabase serverFor(ConfigSourceContext context) {
    if (running == null) {
      var dataDir =
          Path.of(
              valueOr(
                  context,
                  "nightshift.embedded-database.data-dir",
                  Path.of(System.getProperty("user.home"), ".nightshift", "postgres").toString()));
      int port = Integer.parseInt(valueOr(context, "nightshift.embedded-database.port", "0"));
      LOG.infof("No datasource URL configured: starting the embedded PostgreSQL in %s", dataDir);
      running = EmbeddedDatabase.start(dataDir, dataDir.resolveSibling("postgres-binaries"), port);
      Runtime.getRuntime().addShutdownHook(new Thread(running::close, "embedded-postgres-stop"));
      LOG.infof("Embedded PostgreSQL listening on port %d", running.port());
    }
    return running;
  }

  private static String valueOr(ConfigSourceContext context, String name, String fallback) {
    return ExplicitSettings.get(context, name).orElse(fallback);
  }
}
