package dev.nightshift.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Vault files under {@code <root>/vault/<path>}. A writer writes to a temporary file in {@code
 * <root>/vault-tmp} and renames it into place on commit, so a file is complete whenever it exists.
 * Temporary files are named {@code <16 hex of the path's SHA-256>.<random>.partial}: creating a
 * path again finds and removes what a crashed writer of that path left.
 */
final class FilesystemVault implements Vault {

  private final Path files;
  private final Path tmp;

  FilesystemVault(Path root) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    this.files = base.resolve("vault");
    this.tmp = base.resolve("vault-tmp");
    Files.createDirectories(files);
    Files.createDirectories(tmp);
    AbandonedFiles.remove(tmp);
  }

  Path files() {
    return files;
  }

  @Override
  public VaultWriter create(String path) throws IOException {
    Path target = file(path);
    String prefix = temporaryPrefix(path);
    // The writer of this path that ran before may have crashed; a live one elsewhere loses its
    // file and fails on commit, which is the price of one writer per path.
    try (var leftovers = Files.newDirectoryStream(tmp, prefix + "*")) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
    // Owner-only, like the blobs: exports are the teams' private documents.
    Path temporary = Files.createTempFile(tmp, prefix, ".partial");
    try {
      return new FilesystemVaultWriter(path, temporary, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  @Override
  public InputStream open(String path) throws IOException {
    Path file = file(path);
    if (Files.isDirectory(file)) {
      throw NoSuchBlobException.inVault(path);
    }
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw NoSuchBlobException.inVault(path);
    }
  }

  @Override
  public OptionalLong size(String path) throws IOException {
    Path file = file(path);
    try {
      return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void delete(String path) throws IOException {
    Path file = file(path);
    // Directories stay: removing an empty one could race with a commit about to rename into it.
    if (!Files.isDirectory(file)) {
      Files.deleteIfExists(file);
    }
  }

  private Path file(String path) {
    return files.resolve(VaultPath.check(path));
  }

  private static String temporaryPrefix(String path) {
    var sha256 = BlobKey.digest().digest(path.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha256, 0, 8) + ".";
  }
}
