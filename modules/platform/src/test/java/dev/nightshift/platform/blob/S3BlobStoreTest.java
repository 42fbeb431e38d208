package dev.nightshift.platform.blob;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 store against S3Proxy, a real S3 server started here on a loopback port, over jclouds'
 * in-memory backend. The store is built by the producer from settings, as in the application.
 */
class S3BlobStoreTest extends BlobStoreContract {

  private static final String BUCKET = "nightshift-blobs";
  private static final String PREFIX = "attachments/";
  private static final String ACCESS_KEY = "test-access-key";
  private static final String SECRET_KEY = "test-secret-key";

  private static BlobStoreContext backend;
  private static S3Proxy server;

  @TempDir Path spool;
  private S3BlobStore store;

  @BeforeAll
  static void startServer() throws Exception {
    backend =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .buildView(BlobStoreContext.class);
    backend.getBlobStore().createContainerInLocation(null, BUCKET);
    server =
        S3Proxy.builder()
            .blobStore(backend.getBlobStore())
            .endpoint(java.net.URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    server.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop();
    backend.close();
  }

  @BeforeEach
  void createStore() {
    store = store(settings(server.getPort(), BUCKET));
  }

  @AfterEach
  void emptyBucket() {
    store.close();
    backend.getBlobStore().clearContainer(BUCKET);
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Override
  long storedBlobs() {
    return backend.getBlobStore().list(BUCKET, ListContainerOptions.Builder.recursive()).size();
  }

  @Override
  List<String> leftovers() throws IOException {
    try (var files = Files.list(spool)) {
      return files.map(Path::toString).toList();
    }
  }

  @Test
  void objectsAreNamedByPrefixAndKey() throws Exception {
    store.put(bytes("abc"));

    assertThat(backend.getBlobStore().blobExists(BUCKET, PREFIX + ABC_KEY), equalTo(true));
  }

  @Test
  void contentAlreadyInTheBucketIsNotUploadedAgain() throws Exception {
    store.put(bytes("abc"));
    // Changed behind the store's back: a second upload would put "abc" back.
    var blobs = backend.getBlobStore();
    blobs.putBlob(BUCKET, blobs.blobBuilder(PREFIX + ABC_KEY).payload("marker").build());

    var stored = store.put(bytes("abc"));

    assertThat(stored, equalTo(new StoredBlob(ABC_KEY, 3)));
    assertThat(new String(read(ABC_KEY)), equalTo("marker"));
  }

  @Test
  void wrongCredentialsAreAnIOException() {
    var settings = settings(server.getPort(), BUCKET);
    settings.put("nightshift.blobs.s3.secret-access-key", "wrong");
    try (var wrong = store(settings)) {
      var failure = assertThrows(IOException.class, () -> wrong.put(bytes("abc")));
      assertThat(failure.getMessage(), containsString(BUCKET));
      assertThrows(IOException.class, () -> wrong.open(ABC_KEY));
    }
  }

  @Test
  void anUnreachableServerIsAnIOException() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (var unreachable = store(settings(closedPort, BUCKET))) {
      assertThrows(IOException.class, () -> unreachable.put(bytes("abc")));
      assertThrows(IOException.class, () -> unreachable.exists(ABC_KEY));
    }
  }

  private S3BlobStore store(Map<String, String> settings) {
    var config = BlobsConfigs.of(settings).s3();
    return BlobStoreProducer.s3(config, spool);
  }

  private static Map<String, String> settings(int port, String bucket) {
    var settings = new HashMap<String, String>();
    settings.put("nightshift.blobs.store", "s3");
    settings.put("nightshift.blobs.s3.endpoint", "http://127.0.0.1:" + port);
    settings.put("nightshift.blobs.s3.bucket", bucket);
    settings.put("nightshift.blobs.s3.access-key-id", ACCESS_KEY);
    settings.put("nightshift.blobs.s3.secret-access-key", SECRET_KEY);
    settings.put("nightshift.blobs.s3.path-style-access", "true");
    settings.put("nightshift.blobs.s3.key-prefix", PREFIX);
    return settings;
  }
}
