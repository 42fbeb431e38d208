package dev.nightshift.inbox.intake;

import dev.nightshift.inbox.config.InboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * Decides which files are documents. Emails carry logos, signatures, calendar invites and the like
 * beside the invoice; those are skipped, not failed. The content type is sniffed from the bytes
 * with Apache Tika rather than trusted from the sender.
 *
 * <p>Documents: PDFs of any size, XML e-invoices (XRechnung, UBL, CII), and PNG, JPEG, TIFF, WebP
 * or HEIC images of at least {@code nightshift.inbox.min-image-size}; everything else is skipped.
 */
@ApplicationScoped
public class DocumentRules {

  static final Set<String> IMAGES =
      Set.of("image/png", "image/jpeg", "image/tiff", "image/webp", "image/heic", "image/heif");

  private static final Set<String> XML = Set.of("application/xml", "text/xml");

  private final Tika tika = new Tika();
  private final InboxConfig config;

  DocumentRules(InboxConfig config) {
    this.config = config;
  }

  public Verdict judge(String fileName, byte[] content) {
    if (content.length == 0) {
      return new Verdict("application/octet-stream", "the file is empty");
    }
    var type = sniff(fileName, content);
    if (type.equals("application/pdf") || XML.contains(type)) {
      return new Verdict(type, null);
    }
    if (IMAGES.contains(type)) {
      long minimum = config.minImageSize().asLongValue();
      return content.length < minimum
          ? new Verdict(
              type,
              "an image of "
                  + content.length
                  + " bytes is taken for a logo or signature (smaller than "
                  + minimum
                  + ")")
          : new Verdict(type, null);
    }
    return new Verdict(type, type + " is not a document the inbox reads");
  }

  private String sniff(String fileName, byte[] content) {
    var type = tika.detect(content, fileName);
    // Tika names XML dialects by their root element; every one of them is XML to the inbox.
    return type.endsWith("+xml") || type.equals("application/xml") ? "application/xml" : type;
  }
}
