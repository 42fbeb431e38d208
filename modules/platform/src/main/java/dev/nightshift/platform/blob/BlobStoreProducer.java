package dev.nightshift.platform.blob;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Makes the one {@link BlobStore} from {@link BlobsConfig}, at start so bad settings fail it. */
@ApplicationScoped
public class BlobStoreProducer {

  private static final Logger LOG = Logger.getLogger(BlobStoreProducer.class);

  @Produces
  @ApplicationScoped
  @Startup
  BlobStore blobStore(BlobsConfig config, MeterRegistry registry) {
    return switch (config.store()) {
      case FILESYSTEM ->
          new MeteredBlobStore(filesystem(config.filesystem()), "filesystem", registry);
      case S3 ->
          new MeteredBlobStore(
              s3(config.s3(), Path.of(System.getProperty("java.io.tmpdir"))), "s3", registry);
    };
  }

  void close(@Disposes BlobStore store) throws IOException {
    if (store instanceof MeteredBlobStore metered) {
      metered.close();
    }
  }

  static FilesystemBlobStore filesystem(BlobsConfig.Filesystem config) {
    try {
      var store = new FilesystemBlobStore(config.root());
      LOG.infof("Blobs are stored in %s", store.root());
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not prepare the blob directory nightshift.blobs.filesystem.root=" + config.root(),
          e);
    }
  }

  /** A store for the settings, spooling content into {@code spoolDir}. */
  static S3BlobStore s3(BlobsConfig.S3 config, Path spoolDir) {
    String bucket =
        config
            .bucket()
            .filter(name -> !name.isBlank())
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "nightshift.blobs.store=s3 needs nightshift.blobs.s3.bucket"
                            + " (NIGHTSHIFT_BLOBS_S3_BUCKET): the name of an existing bucket"));
    var client =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(config.region()))
            .credentialsProvider(credentials(config))
            .forcePathStyle(config.pathStyleAccess())
            // Checksums only where S3 demands them: the SDK's default adds trailing checksums in
            // aws-chunked uploads, which many S3-compatible servers reject.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    config.endpoint().ifPresent(client::endpointOverride);
    String prefix = config.keyPrefix().orElse("");
    LOG.infof(
        "Blobs are stored in S3 bucket %s%s",
        bucket, prefix.isEmpty() ? "" : " under prefix " + prefix);
    return new S3BlobStore(client.build(), bucket, prefix, spoolDir);
  }

  private static AwsCredentialsProvider credentials(BlobsConfig.S3 config) {
    var id = config.accessKeyId().filter(value -> !value.isBlank());
    var secret = config.secretAccessKey().filter(value -> !value.isBlank());
    if (id.isPresent() != secret.isPresent()) {
      throw new ConfigurationException(
          "Set both nightshift.blobs.s3.access-key-id and nightshift.blobs.s3.secret-access-key,"
              + " or neither to use the default AWS credentials chain");
    }
    if (id.isPresent()) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(id.get(), secret.get()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
