package dev.nightshift.platform.blob;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes through a buffer to a temporary file, forces it to disk on commit and renames it over the
 * target. A java.io stream rather than a channel: a channel closes when its thread is interrupted,
 * and the engine interrupts canceled runs, whose writer must still be closed cleanly.
 */
final class FilesystemVaultWriter extends AbstractVaultWriter {

  private static final int BUFFER = 64 * 1024;

  private final Path temporary;
  private final Path target;
  private final FileOutputStream file;
  private final BufferedOutputStream buffered;

  FilesystemVaultWriter(String path, Path temporary, Path target) throws IOException {
    super(path);
    this.temporary = temporary;
    this.target = target;
    this.file = new FileOutputStream(temporary.toFile());
    this.buffered = new BufferedOutputStream(file, BUFFER);
  }

  @Override
  void write(byte[] bytes, int offset, int length) throws IOException {
    buffered.write(bytes, offset, length);
  }

  @Override
  void store() throws IOException {
    buffered.flush();
    // On disk before the rename: after a crash the path holds the whole file or the earlier one.
    file.getFD().sync();
    file.close();
    Files.createDirectories(target.getParent());
    // rename(2) replaces an existing target at once; readers of the earlier file keep reading it.
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  void discard() throws IOException {
    try {
      file.close();
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
