package dev.nightshift.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a real process, the
 * way users run it, for tests that restart or kill it.
 */
final class AppProcess implements AutoCloseable {

  static final String ADMIN_KEY = "it-admin-key";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final Path log;
  final int port;

  private AppProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the application with {@code env} added to a clean environment and waits until ready. */
  static AppProcess start(Path log, Map<String, String> env) throws Exception {
    int port = freePort();
    var builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("nightshift.app.jar", "target/quarkus-app/quarkus-run.jar"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("NIGHTSHIFT_"));
    // Blobs stay in the build directory, shared by the nodes of a cluster as a volume would be.
    builder.environment().put("NIGHTSHIFT_BLOBS_FILESYSTEM_ROOT", "target/it-blobs");
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
    builder.environment().put("NIGHTSHIFT_ADMIN_KEY", ADMIN_KEY);
    var app = new AppProcess(builder.start(), log, port);
    app.awaitReady();
    return app;
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(method, path, body, Map.of());
  }

  HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
      throws Exception {
    var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    headers.forEach(builder::header);
    var request =
        builder
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** The operating system's id of the process: {@code pid@host} names it in the engine's data. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Kills the application without warning (SIGKILL), as a crash, the OOM killer or a lost machine
   * would: no shutdown hook runs, nothing is released. Waits until the process is gone.
   */
  void kill() throws Exception {
    process.destroyForcibly();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new AssertionError("The application survived SIGKILL for 30 s:\n" + log());
    }
  }

  private void awaitReady() throws Exception {
    var deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "The application exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        if (send("GET", "/q/health/ready", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // Keep polling until the deadline.
      }
      Thread.sleep(200);
    }
    close();
    throw new AssertionError("The application was not ready within 2 minutes:\n" + log());
  }

  /** Stops the application as an orchestrator would (SIGTERM) and waits for it to exit. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("The application did not stop within 60 s:\n" + log());
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
