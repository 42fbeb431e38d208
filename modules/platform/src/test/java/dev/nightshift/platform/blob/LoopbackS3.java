package dev.nightshift.platform.blob;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy, a real S3 server, started on a loopback port over jclouds' in-memory backend, with one
 * bucket. The backend lets a test look at the bucket behind the back of the store under test.
 */
final class LoopbackS3 implements AutoCloseable {

  static final String BUCKET = "nightshift-blobs";
  static final String ACCESS_KEY = "test-access-key";
  static final String SECRET_KEY = "test-secret-key";

  private final BlobStoreContext backend;
  private final S3Proxy server;

  private LoopbackS3(BlobStoreContext backend, S3Proxy server) {
    this.backend = backend;
    this.server = server;
  }

  static LoopbackS3 start() throws Exception {
    var backend =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .buildView(BlobStoreContext.class);
    backend.getBlobStore().createContainerInLocation(null, BUCKET);
    var server =
        S3Proxy.builder()
            .blobStore(backend.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    server.start();
    return new LoopbackS3(backend, server);
  }

  /** The bucket's storage, seen directly rather than through S3. */
  org.jclouds.blobstore.BlobStore backend() {
    return backend.getBlobStore();
  }

  int port() {
    return server.getPort();
  }

  /** Settings of {@code store=s3} for this server, with keys under {@code prefix}. */
  Map<String, String> settings(String prefix) {
    return settings(port(), prefix);
  }

  /** Settings of {@code store=s3} for a server on {@code port}, with keys under {@code prefix}. */
  static Map<String, String> settings(int port, String prefix) {
    var settings = new HashMap<String, String>();
    settings.put("nightshift.blobs.store", "s3");
    settings.put("nightshift.blobs.s3.endpoint", "http://127.0.0.1:" + port);
    settings.put("nightshift.blobs.s3.bucket", BUCKET);
    settings.put("nightshift.blobs.s3.access-key-id", ACCESS_KEY);
    settings.put("nightshift.blobs.s3.secret-access-key", SECRET_KEY);
    settings.put("nightshift.blobs.s3.path-style-access", "true");
    settings.put("nightshift.blobs.s3.key-prefix", prefix);
    return settings;
  }

  @Override
  public void close() throws Exception {
    server.stop();
    backend.close();
  }
}
