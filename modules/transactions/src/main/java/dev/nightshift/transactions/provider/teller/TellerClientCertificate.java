package dev.nightshift.transactions.provider.teller;

import io.quarkus.tls.BaseTlsConfiguration;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The TLS settings of Teller's client: present the application's certificate, trust the JVM's
 * default authorities. Vert.x reads the PEM files itself (PKCS#8 and PKCS#1 keys alike).
 */
final class TellerClientCertificate extends BaseTlsConfiguration {

  private final PemKeyCertOptions keyCert;

  TellerClientCertificate(Path certificate, Path privateKey) {
    for (Path file : new Path[] {certificate, privateKey}) {
      if (!Files.isReadable(file)) {
        throw new IllegalStateException("cannot read the Teller client certificate file " + file);
      }
    }
    keyCert =
        new PemKeyCertOptions()
            .setCertPath(certificate.toAbsolutePath().toString())
            .setKeyPath(privateKey.toAbsolutePath().toString());
  }

  @Override
  public KeyCertOptions getKeyStoreOptions() {
    return keyCert;
  }

  @Override
  public String getName() {
    return "teller";
  }
}
