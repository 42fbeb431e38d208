package dev.nightshift.platform.blob;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalLong;

/**
 * Counts the bytes of the files committed to a vault: {@code
 * nightshift.blobs.vault.committed.bytes}, tagged with the {@code store}.
 */
final class MeteredVault implements Vault {

  private final Vault vault;
  private final Counter committed;

  MeteredVault(Vault vault, String storeName, MeterRegistry registry) {
    this.vault = vault;
    this.committed =
        Counter.builder("nightshift.blobs.vault.committed.bytes")
            .baseUnit("bytes")
            .description("Bytes of the files committed to the vault")
            .tag("store", storeName)
            .register(registry);
  }

  Vault vault() {
    return vault;
  }

  @Override
  public VaultWriter create(String path) throws IOException {
    var writer = vault.create(path);
    return new VaultWriter() {
      @Override
      public OutputStream output() {
        return writer.output();
      }

      @Override
      public long commit() throws IOException {
        long size = writer.commit();
        committed.increment(size);
        return size;
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }

  @Override
  public InputStream open(String path) throws IOException {
    return vault.open(path);
  }

  @Override
  public OptionalLong size(String path) throws IOException {
    return vault.size(path);
  }

  @Override
  public void delete(String path) throws IOException {
    vault.delete(path);
  }
}
