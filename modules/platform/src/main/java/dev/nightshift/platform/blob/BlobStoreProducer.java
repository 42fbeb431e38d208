package dev.nightshift.platform.blob;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Makes the one {@link BlobStore} from {@link BlobsConfig}, at start so bad settings fail it. With
 * S3, its client is closed when the application stops.
 */
@ApplicationScoped
public class BlobStoreProducer {

  private static final Logger LOG = Logger.getLogger(BlobStoreProducer.class);

  private final Lock lock = new ReentrantLock();
  private S3Bucket bucket;

  @Produces
  @ApplicationScoped
  @Startup
  BlobStore blobStore(BlobsConfig config, MeterRegistry registry) {
    return switch (config.store()) {
      case FILESYSTEM ->
          new MeteredBlobStore(filesystem(config.filesystem()), "filesystem", registry);
      case S3 ->
          new MeteredBlobStore(
              new S3BlobStore(bucket(config.s3()), Path.of(System.getProperty("java.io.tmpdir"))),
              "s3",
              registry);
    };
  }

  @PreDestroy
  void close() {
    lock.lock();
    try {
      if (bucket != null) {
        bucket.close();
        bucket = null;
      }
    } finally {
      lock.unlock();
    }
  }

  static FilesystemBlobStore filesystem(BlobsConfig.Filesystem config) {
    try {
      var store = new FilesystemBlobStore(config.root());
      LOG.infof("Blobs are stored in %s", store.root());
      return store;
    } catch (IOException e) {
      throw unprepared(config, e);
    }
  }

  /** The one bucket, connected on first use. */
  private S3Bucket bucket(BlobsConfig.S3 config) {
    lock.lock();
    try {
      if (bucket == null) {
        bucket = S3Bucket.connect(config);
        LOG.infof(
            "Blobs are stored in S3 bucket %s%s",
            bucket.name(), bucket.prefix().isEmpty() ? "" : " under prefix " + bucket.prefix());
      }
      return bucket;
    } finally {
      lock.unlock();
    }
  }

  private static UncheckedIOException unprepared(BlobsConfig.Filesystem config, IOException e) {
    return new UncheckedIOException(
        "Could not prepare the blob directory nightshift.blobs.filesystem.root=" + config.root(),
        e);
  }
}
