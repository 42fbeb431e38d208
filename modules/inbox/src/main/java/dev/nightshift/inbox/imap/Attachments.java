package dev.nightshift.inbox.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files in a mail: every attachment, and every inline part that carries a file name, found
 * depth-first through nested multiparts and forwarded mails (message/rfc822). The body text is not
 * a file. A file's index is its position in that walk, which is the same every time the same mail
 * is read: it names the file in the item's reference id.
 */
final class Attachments {

  /** A file found in a mail; its content is read on demand. */
  record Attachment(int index, String fileName, String contentType, Part part) {

    /**
     * The decoded content, or null when it is longer than {@code limit} bytes: a huge attachment is
     * never held in memory whole.
     */
    byte[] read(long limit) throws MessagingException, IOException {
      try (var in = part.getInputStream()) {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
          total += n;
          if (total > limit) {
            return null;
          }
          out.write(buffer, 0, n);
        }
        return out.toByteArray();
      }
    }
  }

  private Attachments() {}

  static List<Attachment> in(Part mail) throws MessagingException, IOException {
    var found = new ArrayList<Attachment>();
    walk(mail, found);
    return found;
  }

  private static void walk(Part part, List<Attachment> found)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          walk(multipart.getBodyPart(i), found);
        }
      }
    } else if (part.isMimeType("message/rfc822")) {
      if (part.getContent() instanceof Part forwarded) {
        walk(forwarded, found);
      }
    } else {
      var name = fileName(part);
      if (name != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        int index = found.size();
        found.add(
            new Attachment(
                index, name == null ? "attachment-" + index : name, baseType(part), part));
      }
    }
  }

  /** Encoded words ({@code =?UTF-8?Q?Rechnung?=}) decoded, which Jakarta Mail leaves by default. */
  private static String fileName(Part part) throws MessagingException {
    var name = part.getFileName();
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return MimeUtility.decodeText(name).strip();
    } catch (UnsupportedEncodingException e) {
      return name.strip();
    }
  }

  private static String baseType(Part part) throws MessagingException {
    var declared = part.getContentType();
    if (declared == null) {
      return "application/octet-stream";
    }
    try {
      return new ContentType(declared).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException e) {
      return "application/octet-stream";
    }
  }
}
