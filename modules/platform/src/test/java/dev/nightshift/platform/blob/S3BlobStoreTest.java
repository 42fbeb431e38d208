package dev.nightshift.platform.blob;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 store against S3Proxy, a real S3 server started here on a loopback port ({@link
 * LoopbackS3}). The bucket is connected from settings, as in the application.
 */
class S3BlobStoreTest extends BlobStoreContract {

  private static final String PREFIX = "attachments/";

  private static LoopbackS3 server;

  @TempDir Path spool;
  private S3Bucket bucket;
  private S3BlobStore store;

  @BeforeAll
  static void startServer() throws Exception {
    server = LoopbackS3.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void createStore() {
    bucket = bucket(server.settings(PREFIX));
    store = new S3BlobStore(bucket, spool);
  }

  @AfterEach
  void emptyBucket() {
    bucket.close();
    server.backend().clearContainer(LoopbackS3.BUCKET);
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Override
  long storedBlobs() {
    return server
        .backend()
        .list(LoopbackS3.BUCKET, ListContainerOptions.Builder.recursive())
        .size();
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

    assertThat(server.backend().blobExists(LoopbackS3.BUCKET, PREFIX + ABC_KEY), equalTo(true));
  }

  @Test
  void contentAlreadyInTheBucketIsNotUploadedAgain() throws Exception {
    store.put(bytes("abc"));
    // Changed behind the store's back: a second upload would put "abc" back.
    var blobs = server.backend();
    blobs.putBlob(LoopbackS3.BUCKET, blobs.blobBuilder(PREFIX + ABC_KEY).payload("marker").build());

    var stored = store.put(bytes("abc"));

    assertThat(stored, equalTo(new StoredBlob(ABC_KEY, 3)));
    assertThat(new String(read(ABC_KEY)), equalTo("marker"));
  }

  @Test
  void wrongCredentialsAreAnIOException() {
    var settings = server.settings(PREFIX);
    settings.put("nightshift.blobs.s3.secret-access-key", "wrong");
    try (var wrong = bucket(settings)) {
      var wrongStore = new S3BlobStore(wrong, spool);
      var failure = assertThrows(IOException.class, () -> wrongStore.put(bytes("abc")));
      assertThat(failure.getMessage(), containsString(LoopbackS3.BUCKET));
      assertThrows(IOException.class, () -> wrongStore.open(ABC_KEY));
    }
  }

  @Test
  void anUnreachableServerIsAnIOException() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (var unreachable = bucket(LoopbackS3.settings(closedPort, PREFIX))) {
      var unreachableStore = new S3BlobStore(unreachable, spool);
      assertThrows(IOException.class, () -> unreachableStore.put(bytes("abc")));
      assertThrows(IOException.class, () -> unreachableStore.exists(ABC_KEY));
    }
  }

  private static S3Bucket bucket(Map<String, String> settings) {
    return S3Bucket.connect(BlobsConfigs.of(settings).s3());
  }
}
