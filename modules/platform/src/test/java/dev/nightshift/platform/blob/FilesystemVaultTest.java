package dev.nightshift.platform.blob;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

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

class FilesystemVaultTest extends VaultContract {

  @TempDir Path dir;
  private Path root;
  private FilesystemVault vault;

  @BeforeEach
  void createVault() throws Exception {
    root = dir.resolve("blobs");
    vault = new FilesystemVault(root);
  }

  @Override
  Vault vault() {
    return vault;
  }

  @Override
  List<String> unfinished() throws Exception {
    try (var files = Files.list(root.resolve("vault-tmp"))) {
      return files.map(Path::toString).toList();
    }
  }

  @Test
  void aFileLivesUnderItsPathReadableByItsOwnerOnly() throws Exception {
    write(PATH, "archive");

    Path file = root.resolve("vault").resolve(PATH);
    assertThat(Files.readString(file), equalTo("archive"));
    // Exports are a team's private documents, like the blobs.
    assertThat(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), equalTo("rw-------"));
  }

  @Test
  void aWriterWritesToATemporaryFileNamedByItsPath() throws Exception {
    try (var writer = vault.create(PATH)) {
      // Past the writer's small buffer: memory stays flat, the file takes the bytes.
      writer.output().write(random(1024 * 1024));

      assertThat(unfinished().size(), equalTo(1));
      String name = Path.of(unfinished().getFirst()).getFileName().toString();
      assertThat(name.matches("[0-9a-f]{16}\\.[0-9]+\\.partial"), equalTo(true));
      assertThat(Files.size(Path.of(unfinished().getFirst())) > 0, equalTo(true));
    }
  }

  @Test
  void temporaryFilesOfCrashedWritersAreRemovedAtStart() throws Exception {
    Path tmp = root.resolve("vault-tmp");
    Path abandoned = Files.createFile(tmp.resolve("0123456789abcdef.1.partial"));
    Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path current = Files.createFile(tmp.resolve("fedcba9876543210.2.partial"));

    new FilesystemVault(root);

    assertThat(unfinished(), contains(current.toString()));
  }
}
