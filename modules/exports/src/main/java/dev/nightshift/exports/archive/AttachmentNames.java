package dev.nightshift.exports.archive;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Names of attachments inside the archive: {@code attachments/<expense|income>/<name>-<row>.<ext>},
 * the folder by the transaction's sign, the row number making every name unique, and {@code _2},
 * {@code _3}... after the row for a transaction's further files. Names keep letters, digits, dots,
 * dashes and underscores of the original file name, so they are safe in every unzip tool.
 */
final class AttachmentNames {

  private static final int MAX_STEM = 80;

  private static final Map<String, String> EXTENSIONS =
      Map.of(
          "application/pdf", "pdf",
          "application/xml", "xml",
          "text/xml", "xml",
          "image/jpeg", "jpg",
          "image/png", "png",
          "image/heic", "heic",
          "image/tiff", "tiff",
          "image/webp", "webp");

  private AttachmentNames() {}

  /**
   * @param row the transaction's row in the CSV, from 1
   * @param index the file's place among the transaction's files, from 0
   */
  static String of(BigDecimal amount, String fileName, String contentType, long row, int index) {
    String folder = amount != null && amount.signum() < 0 ? "expense" : "income";
    String original = fileName == null ? "" : fileName.substring(fileName.lastIndexOf('/') + 1);
    int dot = original.lastIndexOf('.');
    String stem = safe(dot > 0 ? original.substring(0, dot) : original);
    String extension = safe(dot > 0 ? original.substring(dot + 1) : "").toLowerCase(Locale.ROOT);
    if (extension.isEmpty()) {
      extension = EXTENSIONS.getOrDefault(contentType == null ? "" : contentType, "bin");
    }
    if (stem.isEmpty()) {
      stem = "attachment";
    }
    String suffix = index == 0 ? "" : "_" + (index + 1);
    return "attachments/" + folder + "/" + stem + "-" + row + suffix + "." + extension;
  }

  private static String safe(String text) {
    var out = new StringBuilder(Math.min(text.length(), MAX_STEM));
    for (int i = 0; i < text.length() && out.length() < MAX_STEM; i++) {
      char c = text.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      out.append(plain ? c : '_');
    }
    return out.toString();
  }
}
