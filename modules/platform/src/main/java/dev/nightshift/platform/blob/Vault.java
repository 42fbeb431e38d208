package dev.nightshift.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Named files that modules write by streaming, such as export archives: {@code
 * exports/<team>/<export>.zip}. Unlike {@link BlobStore}, the caller chooses the path, and a file
 * is written as a stream of unknown length that is visible only once complete.
 *
 * <p>Kept where {@code nightshift.blobs.*} says, beside the blobs: under {@code <root>/vault/} on
 * the filesystem, under {@code <key-prefix>vault/} in the S3 bucket.
 *
 * <h2>Paths</h2>
 *
 * <p>Segments of letters, digits, {@code .}, {@code _} and {@code -}, joined by {@code /}; no
 * empty, {@code .} or {@code ..} segment; no segment longer than 255 characters (a file name on the
 * filesystem); at most 512 characters in all. Anything else is an {@link IllegalArgumentException}
 * from every method, so a path can never leave the vault.
 *
 * <h2>Writing</h2>
 *
 * <p>{@link #create} starts a file; bytes written to the {@link VaultWriter} are not visible under
 * the path until {@link VaultWriter#commit}, which replaces any earlier file at once. Closing a
 * writer that was not committed discards what it wrote: a canceled or failed write leaves nothing
 * behind. Creating a path again also discards the unfinished writes of that path that crashed
 * writers left, so the retry of a crashed job starts clean. Hence keep to one writer per path at a
 * time: creating a path again while its earlier writer still works may discard that writer's bytes,
 * and its commit then fails. Memory stays flat whatever the size: the filesystem writes through to
 * a temporary file, S3 uploads parts of {@code nightshift.blobs.s3.part-size} as they fill and
 * holds one part per writer.
 *
 * <h2>Errors</h2>
 *
 * <p>Every failure of the storage itself is an {@link IOException}: worth retrying, for example by
 * failing the run. A canceled run whose thread is interrupted may see its writes fail; closing its
 * writer still discards the file and keeps the interrupt.
 *
 * <p>Thread safety: the vault is safe for concurrent use; one writer belongs to one thread.
 */
public interface Vault {

  /** Starts writing the file at {@code path}; nothing is visible there until commit. */
  VaultWriter create(String path) throws IOException;

  /**
   * The file's bytes; close the stream when done.
   *
   * @throws NoSuchBlobException when there is no file at {@code path}
   */
  InputStream open(String path) throws IOException;

  /** The file's size in bytes, empty when there is no file at {@code path}. */
  OptionalLong size(String path) throws IOException;

  /** Removes the file; a path with no file is no error. */
  void delete(String path) throws IOException;
}
