package dev.nightshift.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jboss.logging.Logger;

/**
 * Blobs as files under a root directory: {@code <root>/<first 2 hex>/<next 2 hex>/<key>}, so that
 * no directory grows past 65,536 entries per level. Content is written to {@code <root>/tmp} and
 * renamed into place, so a blob's file is complete whenever it exists. Several nodes may share the
 * root over a network filesystem that renames atomically.
 */
final class FilesystemBlobStore implements BlobStore {

  private static final Logger LOG = Logger.getLogger(FilesystemBlobStore.class);

  private final Path root;
  private final Path tmp;

  FilesystemBlobStore(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.tmp = this.root.resolve("tmp");
    Files.createDirectories(tmp);
    AbandonedFiles.remove(tmp);
  }

  Path root() {
    return root;
  }

  @Override
  public StoredBlob put(InputStream content, long maxBytes) throws IOException {
    var spooled = SpooledBlob.spool(content, maxBytes, tmp, true);
    try {
      Path target = file(spooled.key());
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try {
          // A rename over a file that a concurrent put of the same content just created replaces
          // it with identical bytes, and readers of the old file keep reading it.
          Files.move(spooled.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
          LOG.debugf("Blob %s was stored concurrently", spooled.key());
        }
      }
      return new StoredBlob(spooled.key(), spooled.size());
    } finally {
      Files.deleteIfExists(spooled.file());
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    if (!BlobKey.isValid(key)) {
      throw new NoSuchBlobException(key);
    }
    try {
      return Files.newInputStream(file(key));
    } catch (NoSuchFileException e) {
      throw new NoSuchBlobException(key);
    }
  }

  @Override
  public boolean exists(String key) {
    return BlobKey.isValid(key) && Files.isRegularFile(file(key));
  }

  @Override
  public void delete(String key) throws IOException {
    if (BlobKey.isValid(key)) {
      // The directories stay: removing an empty one could race with a put about to rename into it.
      Files.deleteIfExists(file(key));
    }
  }

  private Path file(String key) {
    return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }
}
