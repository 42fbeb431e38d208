package dev.nightshift.exports.flow;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for the application under test: S3Proxy on a loopback port over jclouds'
 * in-memory backend, with blobs and the vault configured to use it and parts of the smallest size
 * S3 allows, so archives of a few megabytes are uploaded in several parts.
 */
public class S3ProxyTestResource implements QuarkusTestResourceLifecycleManager {

  static final String BUCKET = "nightshift-exports-test";
  private static final String ACCESS_KEY = "test-access-key";
  private static final String SECRET_KEY = "test-secret-key";

  private static URI endpoint;

  private BlobStoreContext backend;
  private S3Proxy server;

  @Override
  public Map<String, String> start() {
    backend =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .buildView(BlobStoreContext.class);
    backend.getBlobStore().createContainerInLocation(null, BUCKET);
    server =
        S3Proxy.builder()
            .blobStore(backend.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    endpoint = URI.create("http://127.0.0.1:" + server.getPort());
    return Map.of(
        "nightshift.blobs.store",
        "s3",
        "nightshift.blobs.s3.endpoint",
        endpoint.toString(),
        "nightshift.blobs.s3.bucket",
        BUCKET,
        "nightshift.blobs.s3.access-key-id",
        ACCESS_KEY,
        "nightshift.blobs.s3.secret-access-key",
        SECRET_KEY,
        "nightshift.blobs.s3.path-style-access",
        "true",
        "nightshift.blobs.s3.key-prefix",
        "tenant-a/",
        "nightshift.blobs.s3.part-size",
        "5M");
  }

  @Override
  public void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    } finally {
      backend.close();
    }
  }

  /** A client of the server, to look behind the vault. */
  static S3Client client() {
    return S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }
}
