package dev.nightshift.platform.blob;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bucket of {@code nightshift.blobs.s3.*} with the one client that reaches it, shared by the
 * {@link S3BlobStore} and the {@link S3Vault}. Whoever connects it closes it, once.
 *
 * @param prefix put verbatim before every object key
 */
record S3Bucket(S3Client s3, String name, String prefix) implements AutoCloseable {

  /** A client for the settings; fails on a missing bucket name or half of the credentials. */
  static S3Bucket connect(BlobsConfig.S3 config) {
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
    return new S3Bucket(client.build(), bucket, config.keyPrefix().orElse(""));
  }

  /** A failure of the SDK as the {@link IOException} the stores promise. */
  IOException failed(String what, SdkException e) {
    return new IOException(
        "Could not " + what + " in S3 bucket " + name + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    s3.close();
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
