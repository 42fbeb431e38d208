package dev.nightshift.transactions.provider.teller;

import io.quarkus.tls.BaseTlsConfiguration;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The TLS settings of Teller's client: present the application's certificate, trust the JVM's
 * default authorities. Vert.x reads the PEM files (PKCS#8 and PKCS#1 keys alike); they are read
 * once here, so an unreadable file fails the client's creation with its name instead of the first
 * handshake.
 */
final class TellerClientCertificate extends BaseTlsConfiguration {

  private final PemKeyCertOptions keyCert;

  TellerClientCertificate(Path certificate, Path privateKey, Vertx vertx) {
    keyCert =
        new PemKeyCertOptions()
            .setCertValue(Buffer.buffer(read(certificate)))
            .setKeyValue(Buffer.buffer(read(privateKey)));
    try {
      keyCert.loadKeyStore(vertx);
    } catch (Exception unusable) {
      throw new IllegalStateException(
          "the Teller client certificate "
              + certificate
              + " and key "
              + privateKey
              + " are not a usable PEM pair: "
              + unusable.getMessage(),
          unusable);
    }
  }

  @Override
  public KeyCertOptions getKeyStoreOptions() {
    return keyCert;
  }

  @Override
  public String getName() {
    return "teller";
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException unreadable) {
      throw new IllegalStateException(
          "cannot read the Teller client certificate file " + file + ": " + unreadable, unreadable);
    }
  }
}
