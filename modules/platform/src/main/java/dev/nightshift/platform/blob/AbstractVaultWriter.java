package dev.nightshift.platform.blob;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * What every {@link VaultWriter} does alike: an output that refuses bytes once the writer is done
 * and whose close neither commits nor discards (a {@code ZipOutputStream} closes it when it
 * finishes the archive); a commit that discards what it wrote when it fails; and a discard that
 * runs even on an interrupted thread. Subclasses only store the bytes.
 */
abstract class AbstractVaultWriter implements VaultWriter {

  private enum State {
    OPEN,
    COMMITTED,
    DISCARDED
  }

  /** The vault path being written, for messages. */
  final String path;

  private final OutputStream output = new Output();
  private State state = State.OPEN;
  private long size;

  AbstractVaultWriter(String path) {
    this.path = path;
  }

  /** Takes the next bytes of the file. */
  abstract void write(byte[] bytes, int offset, int length) throws IOException;

  /** Makes all bytes written visible at the path, replacing an earlier file. */
  abstract void store() throws IOException;

  /** Removes whatever the writer left, whether or not {@link #store} was tried. */
  abstract void discard() throws IOException;

  @Override
  public final OutputStream output() {
    return output;
  }

  @Override
  public final long commit() throws IOException {
    if (state != State.OPEN) {
      throw new IllegalStateException(done());
    }
    try {
      store();
    } catch (IOException | RuntimeException e) {
      try {
        close();
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    state = State.COMMITTED;
    return size;
  }

  @Override
  public final void close() throws IOException {
    if (state != State.OPEN) {
      return;
    }
    state = State.DISCARDED;
    // The engine interrupts the thread of a canceled run, and an interrupted thread fails the very
    // calls that clean up (the S3 client refuses to send, a virtual thread's socket closes): clear
    // the flag around them and set it again after.
    boolean interrupted = Thread.interrupted();
    try {
      discard();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String done() {
    return "The writer of vault file "
        + path
        + " is already "
        + state.name().toLowerCase(Locale.ROOT);
  }

  private final class Output extends OutputStream {

    private final byte[] one = new byte[1];

    @Override
    public void write(int b) throws IOException {
      one[0] = (byte) b;
      write(one, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      if (state != State.OPEN) {
        throw new IOException(done());
      }
      AbstractVaultWriter.this.write(bytes, offset, length);
      size += length;
    }

    /** Neither commits nor discards: the writer decides that. */
    @Override
    public void close() {}
  }
}
