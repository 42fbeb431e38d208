package dev.nightshift.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Content copied to a temporary file while it is hashed, so that its key is known before it is
 * stored under it. The caller moves or deletes the file.
 */
record SpooledBlob(Path file, String key, long size) {

  private static final int BUFFER = 64 * 1024;

  /**
   * Copies {@code content} into a new file in {@code dir}, reading at most {@code maxBytes + 1}
   * bytes. No file remains when this throws.
   *
   * @param durable whether the file must reach the disk before this returns: a file that is then
   *     renamed into place must never turn out empty or torn after a crash, since its key says it
   *     is complete and no later put would rewrite it
   */
  static SpooledBlob spool(InputStream content, long maxBytes, Path dir, boolean durable)
      throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    Path file = Files.createTempFile(dir, "put-", ".tmp");
    try {
      var sha256 = BlobKey.digest();
      long size = 0;
      byte[] buffer = new byte[BUFFER];
      try (var out = FileChannel.open(file, StandardOpenOption.WRITE)) {
        while (true) {
          long remaining = maxBytes - size;
          // With the limit reached, one more byte tells a full-size content from a larger one.
          int n = content.read(buffer, 0, (int) Math.min(BUFFER, Math.max(remaining, 1)));
          if (n == -1) {
            break;
          }
          if (n > remaining) {
            throw new BlobTooLargeException(maxBytes);
          }
          sha256.update(buffer, 0, n);
          var bytes = ByteBuffer.wrap(buffer, 0, n);
          while (bytes.hasRemaining()) {
            out.write(bytes);
          }
          size += n;
        }
        if (durable) {
          out.force(true);
        }
      }
      return new SpooledBlob(file, BlobKey.of(sha256), size);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
