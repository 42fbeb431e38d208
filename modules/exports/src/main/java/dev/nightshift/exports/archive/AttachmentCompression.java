package dev.nightshift.exports.archive;

import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * How hard a document is deflated in the archive, by its content type. PDFs, images, office files
 * and archives carry their own compression: deflating them again cost more CPU than the rest of an
 * export together and saved a few percent, so they go in at level 0 (still a deflate entry, its
 * blocks stored as they are). Everything else, e-invoice XML and other text among it, shrinks
 * several-fold at level 1.
 */
final class AttachmentCompression {

  private static final Set<String> COMPRESSED_TYPES =
      Set.of(
          "application/pdf",
          "application/zip",
          "application/gzip",
          "application/x-7z-compressed",
          "application/vnd.rar",
          "application/epub+zip");

  /** Office Open XML and OpenDocument files are ZIP archives themselves. */
  private static final String[] COMPRESSED_PREFIXES = {
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.oasis.opendocument.",
    "audio/",
    "video/"
  };

  /** Images that are stored uncompressed or as text; every other image type is compressed. */
  private static final Set<String> PLAIN_IMAGES =
      Set.of("image/bmp", "image/svg+xml", "image/tiff", "image/x-portable-anymap");

  private AttachmentCompression() {}

  static int levelFor(String contentType) {
    return compressedAlready(contentType) ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED;
  }

  private static boolean compressedAlready(String contentType) {
    if (contentType == null) {
      return false;
    }
    var type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (COMPRESSED_TYPES.contains(type)) {
      return true;
    }
    if (type.startsWith("image/")) {
      return !PLAIN_IMAGES.contains(type);
    }
    for (var prefix : COMPRESSED_PREFIXES) {
      if (type.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
