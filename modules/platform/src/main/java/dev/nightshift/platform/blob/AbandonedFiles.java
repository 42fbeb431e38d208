package dev.nightshift.platform.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Temporary files that crashed writers left behind. A file older than a day belongs to no running
 * write, so a store removes such files from its temporary directory when it starts.
 */
final class AbandonedFiles {

  private static final Logger LOG = Logger.getLogger(AbandonedFiles.class);

  /** A temporary file this old belongs to no running write: its writer crashed. */
  private static final Duration ABANDONED = Duration.ofDays(1);

  private AbandonedFiles() {}

  static void remove(Path dir) throws IOException {
    var cutoff = FileTime.from(Instant.now().minus(ABANDONED));
    try (var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        try {
          if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
            Files.deleteIfExists(file);
          }
        } catch (NoSuchFileException e) {
          LOG.debugf("%s was removed by another node", file);
        }
      }
    }
  }
}
