package dev.nightshift.inbox.imap;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Properties;

/** Mails as mail programs build them, for the IMAP test server; saving gives each a Message-ID. */
final class Mails {

  private static final Session SESSION = Session.getInstance(new Properties());

  private Mails() {}

  static MimeMessage mail(String from, String subject, MimeMultipart body)
      throws MessagingException {
    var message = headers(from, subject);
    message.setContent(body);
    message.saveChanges();
    return message;
  }

  static MimeMessage textOnly(String from, String subject) throws MessagingException {
    var message = headers(from, subject);
    message.setText("Just saying hello; nothing attached.");
    message.saveChanges();
    return message;
  }

  static MimeMultipart mixed(BodyPart... parts) throws MessagingException {
    return multipart("mixed", parts);
  }

  static MimeMultipart multipart(String subtype, BodyPart... parts) throws MessagingException {
    var multipart = new MimeMultipart(subtype);
    for (var part : parts) {
      multipart.addBodyPart(part);
    }
    return multipart;
  }

  static BodyPart text(String text) throws MessagingException {
    var part = new MimeBodyPart();
    part.setText(text, "UTF-8");
    return part;
  }

  static BodyPart html(String html) throws MessagingException {
    var part = new MimeBodyPart();
    part.setContent(html, "text/html; charset=UTF-8");
    return part;
  }

  static BodyPart attachment(String name, String type, byte[] content) throws MessagingException {
    var part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
    part.setFileName(name);
    part.setDisposition(Part.ATTACHMENT);
    return part;
  }

  /** An image shown inside the HTML body, as signatures carry their logos. */
  static BodyPart inline(String name, String type, byte[] content) throws MessagingException {
    var part = (MimeBodyPart) attachment(name, type, content);
    part.setDisposition(Part.INLINE);
    part.setContentID("<" + name + "@signature>");
    return part;
  }

  static BodyPart nested(MimeMultipart multipart) throws MessagingException {
    var part = new MimeBodyPart();
    part.setContent(multipart);
    return part;
  }

  /** A mail forwarded as an attachment, the way mail programs forward "as attachment". */
  static BodyPart forwarded(MimeMessage original) throws MessagingException {
    var part = new MimeBodyPart();
    part.setContent(original, "message/rfc822");
    part.setDisposition(Part.INLINE);
    return part;
  }

  private static MimeMessage headers(String from, String subject) throws MessagingException {
    var message = new MimeMessage(SESSION);
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("billing@acme.test"));
    message.setSubject(subject, "UTF-8");
    return message;
  }
}
