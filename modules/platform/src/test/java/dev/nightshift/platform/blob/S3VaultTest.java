package dev.nightshift.platform.blob;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 vault against S3Proxy on a loopback port ({@link LoopbackS3}), in parts of 5 MiB, S3's
 * smallest, so that a few MiB make a multipart upload.
 */
class S3VaultTest extends VaultContract {

  private static final String PREFIX = "nightshift/";

  private static LoopbackS3 server;

  private S3Bucket bucket;
  private S3Vault vault;

  @BeforeAll
  static void startServer() throws Exception {
    server = LoopbackS3.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void createVault() {
    bucket = bucket(server.settings(PREFIX));
    vault = new S3Vault(bucket, PART);
  }

  @AfterEach
  void emptyBucket() {
    bucket.close();
    var backend = server.backend();
    for (var upload : backend.listMultipartUploads(LoopbackS3.BUCKET)) {
      backend.abortMultipartUpload(upload);
    }
    backend.clearContainer(LoopbackS3.BUCKET);
  }

  @Override
  Vault vault() {
    return vault;
  }

  @Override
  List<String> unfinished() {
    return server.backend().listMultipartUploads(LoopbackS3.BUCKET).stream()
        .map(MultipartUpload::blobName)
        .toList();
  }

  @Test
  void aFileIsAnObjectUnderThePrefixAndVault() throws Exception {
    write(PATH, "archive");

    assertThat(
        server.backend().blobExists(LoopbackS3.BUCKET, PREFIX + "vault/" + PATH), equalTo(true));
  }

  @Test
  void aFileOfSeveralPartsIsUploadedInParts() throws Exception {
    try (var writer = vault.create(PATH)) {
      writer.output().write(random(2 * PART + 2 * 1024 * 1024));
      writer.commit();
    }

    // A multipart upload's ETag ends in the number of its parts.
    String etag =
        server.backend().blobMetadata(LoopbackS3.BUCKET, PREFIX + "vault/" + PATH).getETag();
    assertThat(etag, endsWith("-3\""));
  }

  @Test
  void anUnfinishedFileIsAnOpenMultipartUploadOfItsKey() throws Exception {
    try (var writer = vault.create(PATH)) {
      writer.output().write(random(PART + 1));

      assertThat(unfinished(), equalTo(List.of(PREFIX + "vault/" + PATH)));
    }
  }

  @Test
  void anUnreachableServerIsAnIOExceptionNamingTheBucket() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (var unreachable = bucket(LoopbackS3.settings(closedPort, PREFIX))) {
      var unreachableVault = new S3Vault(unreachable, PART);
      var failure = assertThrows(IOException.class, () -> unreachableVault.create(PATH));
      assertThat(failure.getMessage(), containsString(LoopbackS3.BUCKET));
      assertThrows(IOException.class, () -> unreachableVault.size(PATH));
      assertThrows(IOException.class, () -> unreachableVault.open(PATH));
    }
  }

  private static S3Bucket bucket(Map<String, String> settings) {
    return S3Bucket.connect(BlobsConfigs.of(settings).s3());
  }
}
