package dev.nightshift.platform.blob;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Where blobs and the vault's files are stored: {@code nightshift.blobs.*}. */
@ConfigMapping(prefix = "nightshift.blobs")
public interface BlobsConfig {

  /** The kinds of storage. */
  enum Store {
    FILESYSTEM,
    S3
  }

  /** {@code filesystem} (a directory, the default) or {@code s3} (a bucket). */
  @WithDefault("filesystem")
  Store store();

  Filesystem filesystem();

  S3 s3();

  /** {@code nightshift.blobs.filesystem.*} */
  interface Filesystem {

    /**
     * The directory that holds the blobs, created if missing. Keep it on one filesystem: content is
     * written to its {@code tmp} directory and renamed into place.
     */
    @WithDefault("${user.home}/.nightshift/blobs")
    Path root();
  }

  /** {@code nightshift.blobs.s3.*} */
  interface S3 {

    /**
     * The server's URL, for S3-compatible servers ({@code https://minio.internal:9000}); unset for
     * AWS itself, whose endpoint follows from the region.
     */
    Optional<URI> endpoint();

    @WithDefault("us-east-1")
    String region();

    /** The bucket, which must exist. Required with {@code store=s3}. */
    Optional<String> bucket();

    /**
     * With {@code secret-access-key}: static credentials. Without both, the AWS default chain
     * (environment, profile, container or instance role).
     */
    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();

    /**
     * Address the bucket in the path ({@code endpoint/bucket/key}) instead of the host name ({@code
     * bucket.endpoint/key}); most S3-compatible servers need {@code true}.
     */
    @WithDefault("false")
    boolean pathStyleAccess();

    /** Put before every key, verbatim: {@code blobs/} stores blobs under that folder. */
    Optional<String> keyPrefix();

    /**
     * The part of a {@link Vault} file's multipart upload: each writer holds one in memory, and a
     * file has at most 10,000 of them (80 GB at the default). At least {@code 5M}, S3's minimum.
     */
    @WithDefault("8M")
    MemorySize partSize();
  }
}
