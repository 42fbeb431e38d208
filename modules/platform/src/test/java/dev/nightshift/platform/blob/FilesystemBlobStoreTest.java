package dev.nightshift.platform.blob;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemBlobStoreTest extends BlobStoreContract {

  @TempDir Path dir;
  private Path root;
  private FilesystemBlobStore store;

  @BeforeEach
  void createStore() throws Exception {
    root = dir.resolve("blobs");
    store = new FilesystemBlobStore(root);
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Override
  long storedBlobs() throws Exception {
    try (var files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.startsWith(root.resolve("tmp")))
          .count();
    }
  }

  @Override
  List<String> leftovers() throws Exception {
    try (var files = Files.list(root.resolve("tmp"))) {
      return files.map(Path::toString).toList();
    }
  }

  @Test
  void aBlobIsAFileTwoDirectoriesDownNamedByItsKey() throws Exception {
    store.put(bytes("abc"));

    Path file = root.resolve("ba").resolve("78").resolve(ABC_KEY);
    assertThat(Files.readString(file), equalTo("abc"));
    // Attachments are private documents: only the application's user may read them.
    assertThat(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), equalTo("rw-------"));
  }

  @Test
  void keysCannotReachFilesOutsideTheRoot() throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "not a blob");
    String escape = "../secret";

    assertThrows(NoSuchBlobException.class, () -> store.open(escape));
    assertThat(store.exists(escape), equalTo(false));
    store.delete(escape);
    store.delete("../../" + dir.getFileName() + "/secret");

    assertTrue(Files.exists(secret));
  }

  @Test
  void temporaryFilesOfCrashedPutsAreRemovedAtStart() throws Exception {
    Path abandoned = Files.createFile(root.resolve("tmp").resolve("put-1.tmp"));
    Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path current = Files.createFile(root.resolve("tmp").resolve("put-2.tmp"));

    new FilesystemBlobStore(root);

    assertThat(leftovers(), contains(current.toString()));
  }
}
