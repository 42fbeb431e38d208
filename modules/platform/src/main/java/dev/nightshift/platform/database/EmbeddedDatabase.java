package dev.nightshift.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run from the binaries shipped in the application, for a first start with
 * nothing installed and for tests on machines without a local server. Production points {@code
 * quarkus.datasource.jdbc.url} at its own server instead.
 *
 * <p>The data directory is kept between starts: the cluster is initialised only when the directory
 * holds none yet.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** The superuser that the embedded cluster is initialised with; it trusts local connections. */
  public static final String USER = "postgres";

  private final EmbeddedPostgres server;

  private EmbeddedDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  /**
   * Starts a server on {@code port} (0 picks a free one) with its cluster in {@code dataDir} and
   * the unpacked binaries in {@code workDir}.
   */
  public static EmbeddedDatabase start(Path dataDir, Path workDir, int port) {
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(workDir);
      var builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir.toFile())
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(workDir.toFile())
              .setPGStartupWait(Duration.ofSeconds(60));
      if (port > 0) {
        builder.setPort(port);
      }
      return new EmbeddedDatabase(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /** A JDBC URL for {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
    }
  }
}
