package dev.nightshift.platform.blob;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreProducerTest {

  @TempDir Path dir;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void byDefaultBlobsAreFilesInTheUsersNightshiftDirectory() {
    var config = BlobsConfigs.of(Map.of());

    assertThat(config.store(), equalTo(BlobsConfig.Store.FILESYSTEM));
    assertThat(
        config.filesystem().root(),
        equalTo(Path.of(System.getProperty("user.home"), ".nightshift", "blobs")));
  }

  @Test
  void bytesPutAndReadAreCountedPerStore() throws Exception {
    var store =
        new BlobStoreProducer()
            .blobStore(
                BlobsConfigs.of(Map.of("nightshift.blobs.filesystem.root", dir.toString())),
                registry);

    var stored = store.put("abc".getBytes(StandardCharsets.UTF_8));
    store.put("abc".getBytes(StandardCharsets.UTF_8));
    try (var in = store.open(stored.key())) {
      in.readAllBytes();
    }

    assertThat(((MeteredBlobStore) store).store(), instanceOf(FilesystemBlobStore.class));
    assertThat(counted("nightshift.blobs.put.bytes"), equalTo(6.0));
    assertThat(counted("nightshift.blobs.read.bytes"), equalTo(3.0));
  }

  @Test
  void aRootThatCannotBeCreatedFailsTheStartNamingTheSetting() {
    var config =
        BlobsConfigs.of(Map.of("nightshift.blobs.filesystem.root", "/proc/nightshift-blobs"));

    var failure =
        assertThrows(
            UncheckedIOException.class, () -> new BlobStoreProducer().blobStore(config, registry));

    assertThat(failure.getMessage(), containsString("nightshift.blobs.filesystem.root"));
  }

  @Test
  void s3WithoutABucketFailsTheStartNamingTheSetting() {
    var config = BlobsConfigs.of(Map.of("nightshift.blobs.store", "s3"));

    var failure =
        assertThrows(
            ConfigurationException.class,
            () -> new BlobStoreProducer().blobStore(config, registry));

    assertThat(failure.getMessage(), containsString("nightshift.blobs.s3.bucket"));
  }

  @Test
  void s3WithHalfOfTheStaticCredentialsFailsTheStart() {
    var config =
        BlobsConfigs.of(
            Map.of(
                "nightshift.blobs.store", "s3",
                "nightshift.blobs.s3.bucket", "blobs",
                "nightshift.blobs.s3.access-key-id", "AKIDEXAMPLE"));

    var failure =
        assertThrows(
            ConfigurationException.class,
            () -> new BlobStoreProducer().blobStore(config, registry));

    assertThat(failure.getMessage(), containsString("nightshift.blobs.s3.secret-access-key"));
  }

  @Test
  void bytesCommittedToTheVaultAreCountedPerStore() throws Exception {
    var vault =
        new BlobStoreProducer()
            .vault(
                BlobsConfigs.of(Map.of("nightshift.blobs.filesystem.root", dir.toString())),
                registry);

    try (var writer = vault.create("exports/a.zip")) {
      writer.output().write("abc".getBytes(StandardCharsets.UTF_8));
      writer.commit();
    }
    try (var discarded = vault.create("exports/b.zip")) {
      discarded.output().write("abc".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(((MeteredVault) vault).vault(), instanceOf(FilesystemVault.class));
    assertThat(counted("nightshift.blobs.vault.committed.bytes"), equalTo(3.0));
  }

  @Test
  void vaultUploadsAreInPartsOf8MiBByDefault() {
    var config = BlobsConfigs.of(Map.of("nightshift.blobs.store", "s3"));

    assertThat(BlobStoreProducer.partSize(config.s3()), equalTo(8 * 1024 * 1024));
  }

  @Test
  void aPartSizeBelowS3sMinimumFailsTheStartNamingTheSetting() {
    var config =
        BlobsConfigs.of(
            Map.of(
                "nightshift.blobs.store", "s3",
                "nightshift.blobs.s3.bucket", "blobs",
                "nightshift.blobs.s3.part-size", "4M"));

    var failure =
        assertThrows(
            ConfigurationException.class, () -> new BlobStoreProducer().vault(config, registry));

    assertThat(failure.getMessage(), containsString("nightshift.blobs.s3.part-size"));
    assertThat(failure.getMessage(), containsString("5M"));
  }

  private double counted(String name) {
    return registry.get(name).tag("store", "filesystem").counter().count();
  }
}
