package dev.nightshift.platform.blob;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes that go into and come out of a store: {@code nightshift.blobs.put.bytes}
 * (content accepted by puts, deduplicated or not) and {@code nightshift.blobs.read.bytes} (read
 * from opened blobs), tagged with the {@code store}.
 */
final class MeteredBlobStore implements BlobStore {

  private final BlobStore store;
  private final Counter put;
  private final Counter read;

  MeteredBlobStore(BlobStore store, String storeName, MeterRegistry registry) {
    this.store = store;
    this.put =
        Counter.builder("nightshift.blobs.put.bytes")
            .baseUnit("bytes")
            .description("Bytes of content stored by puts, including content already stored")
            .tag("store", storeName)
            .register(registry);
    this.read =
        Counter.builder("nightshift.blobs.read.bytes")
            .baseUnit("bytes")
            .description("Bytes read from stored blobs")
            .tag("store", storeName)
            .register(registry);
  }

  BlobStore store() {
    return store;
  }

  @Override
  public StoredBlob put(InputStream content, long maxBytes) throws IOException {
    var stored = store.put(content, maxBytes);
    put.increment(stored.size());
    return stored;
  }

  @Override
  public InputStream open(String key) throws IOException {
    return new FilterInputStream(store.open(key)) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
          read.increment();
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          read.increment(n);
        }
        return n;
      }
    };
  }

  @Override
  public boolean exists(String key) throws IOException {
    return store.exists(key);
  }

  @Override
  public void delete(String key) throws IOException {
    store.delete(key);
  }
}
