package dev.nightshift.platform.blob;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
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
 * Makes the one {@link BlobStore} and the one {@link Vault} from {@link BlobsConfig}, at start so
 * bad settings fail it. With S3, both use one client, closed when the application stops.
 */
@ApplicationScoped
public class BlobStoreProducer {

  private static final Logger LOG = Logger.getLogger(BlobStoreProducer.class);

  /** The smallest part S3 accepts, for all parts but the last. */
  private static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  /** Each writer holds one part in memory; 10,000 parts of 1G already pass S3's 5 TB objects. */
  private static final long MAX_PART_SIZE = 1024L * 1024 * 1024;

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

  @Produces
  @ApplicationScoped
  @Startup
  Vault vault(BlobsConfig config, MeterRegistry registry) {
    return switch (config.store()) {
      case FILESYSTEM ->
          new MeteredVault(filesystemVault(config.filesystem()), "filesystem", registry);
      case S3 -> {
        // Checked before connecting, so a bad part size leaves no client behind.
        int partSize = partSize(config.s3());
        yield new MeteredVault(new S3Vault(bucket(config.s3()), partSize), "s3", registry);
      }
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

  static FilesystemVault filesystemVault(BlobsConfig.Filesystem config) {
    try {
      return new FilesystemVault(config.root());
    } catch (IOException e) {
      throw unprepared(config, e);
    }
  }

  /** The part size of vault uploads, within what S3 accepts and memory allows. */
  static int partSize(BlobsConfig.S3 config) {
    long size = config.partSize().asLongValue();
    if (size < MIN_PART_SIZE || size > MAX_PART_SIZE) {
      throw new ConfigurationException(
          "nightshift.blobs.s3.part-size (NIGHTSHIFT_BLOBS_S3_PART_SIZE) is "
              + size
              + " bytes; it must be between 5M, the smallest part S3 accepts, and 1G, since each"
              + " vault writer holds one part in memory");
    }
    return (int) size;
  }

  /** The one bucket, connected on first use: the blob store and the vault share its client. */
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
