package dev.nightshift.transactions.provider.teller;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TellerClientCertificateTest {

  private static Vertx vertx;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void readsAPemCertificateAndItsKey() throws Exception {
    var tls =
        new TellerClientCertificate(fixture("certificate.pem"), fixture("private_key.pem"), vertx);

    assertThat(tls.getKeyStoreOptions(), notNullValue());
  }

  @Test
  void aMissingFileIsNamed() throws Exception {
    var missing = dir.resolve("nope.pem");

    var error =
        assertThrows(
            IllegalStateException.class,
            () -> new TellerClientCertificate(missing, fixture("private_key.pem"), vertx));
    assertThat(error.getMessage(), containsString("nope.pem"));
  }

  @Test
  void aKeyThatIsNotPemIsRefused() throws Exception {
    var garbage = Files.writeString(dir.resolve("key.pem"), "not a key");

    assertThrows(
        IllegalStateException.class,
        () -> new TellerClientCertificate(fixture("certificate.pem"), garbage, vertx));
  }

  private static Path fixture(String name) throws Exception {
    return Path.of(TellerClientCertificateTest.class.getResource("/teller/" + name).toURI());
  }
}
