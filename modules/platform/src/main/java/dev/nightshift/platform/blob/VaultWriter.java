package dev.nightshift.platform.blob;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One file being written to the {@link Vault}. Write to {@link #output}, then {@link #commit}; a
 * writer closed without a commit discards everything it wrote. Use it in try-with-resources so a
 * failure or a cancellation never leaves a partial file.
 */
public interface VaultWriter extends Closeable {

  /**
   * Where the file's bytes go. Buffer small writes yourself. Closing this stream neither commits
   * nor discards, so a {@code ZipOutputStream} around it may close it to finish the archive; once
   * the writer is committed or closed, writes fail with an {@link IOException}.
   */
  OutputStream output();

  /**
   * Makes the file visible at its path, replacing any earlier one, and returns its size in bytes.
   *
   * @throws IOException when the storage fails; the file is then not visible and the writer is
   *     discarded
   * @throws IllegalStateException when the writer was already committed or closed
   */
  long commit() throws IOException;

  /** Discards the file unless it was committed; safe to call more than once. */
  @Override
  void close() throws IOException;
}
