package dev.nightshift.platform.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Content-addressed storage for files such as invoice attachments (export archives, written as a
 * stream under a chosen name, go to the {@link Vault}). A blob's key is the SHA-256 of its bytes in
 * lowercase hex, so the same content always gets the same key and is stored once, however often and
 * by whoever it is put. A key therefore says nothing about who owns the content: keep keys in your
 * own rows and check access there.
 *
 * <p>One bean, from {@code nightshift.blobs.*}: the local filesystem or an S3 bucket.
 *
 * <h2>Errors</h2>
 *
 * <p>Every failure of the storage itself is an {@link IOException}: worth retrying, for example by
 * failing the run. A string that is not 64 lowercase hex digits names no blob: {@link #open} throws
 * {@link NoSuchBlobException}, {@link #exists} answers {@code false} and {@link #delete} does
 * nothing, so a key taken from a request can never reach a file or object that is not a blob.
 *
 * <h2>Deleting</h2>
 *
 * <p>Since equal contents share a key, deleting a key removes the content for everyone who put it.
 * Delete only a key that no row refers to any more; a put of the same content that races with the
 * delete may return the key of a blob that is gone a moment later.
 *
 * <h2>Thread safety</h2>
 *
 * <p>Implementations are safe for concurrent use, across threads and across nodes that share the
 * storage: concurrent puts of the same content all succeed with the same key, and a blob is never
 * seen half-written.
 */
public interface BlobStore {

  /**
   * Stores the stream's bytes under their SHA-256 (lowercase hex key); the same content gives the
   * same key and is stored once. Reads the stream to its end but does not close it.
   *
   * @param maxBytes the largest content accepted; at most one byte more is read from the stream
   * @throws BlobTooLargeException when the stream holds more than {@code maxBytes}; nothing is
   *     stored and nothing is left behind
   * @throws IOException when the stream or the storage fails; nothing is left behind but a blob
   *     that was already complete
   */
  StoredBlob put(InputStream content, long maxBytes) throws IOException;

  /** Convenience for small contents. */
  default StoredBlob put(byte[] content) throws IOException {
    return put(new ByteArrayInputStream(content), content.length);
  }

  /**
   * The blob's bytes; close the stream when done.
   *
   * @throws NoSuchBlobException when no blob has this key
   */
  InputStream open(String key) throws IOException;

  boolean exists(String key) throws IOException;

  /** Removes the blob (see "Deleting" above); a key with no blob is no error. */
  void delete(String key) throws IOException;
}
