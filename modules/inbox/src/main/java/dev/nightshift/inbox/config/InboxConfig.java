package dev.nightshift.inbox.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code nightshift.inbox.*}: how documents arrive. Extraction and matching have their own. */
@ConfigMapping(prefix = "nightshift.inbox")
public interface InboxConfig {

  /** Mail to {@code <team token>@<email-domain>} lands in that team's inbox. */
  @WithDefault("inbox.nightshift.local")
  String emailDomain();

  /** A larger document is refused with 413 (upload, webhook) or skipped (IMAP). */
  @WithDefault("25M")
  MemorySize maxDocumentSize();

  /** The largest inbound email webhook body: its attachments arrive base64-encoded inside it. */
  @WithDefault("40M")
  MemorySize maxEmailSize();

  /**
   * Images smaller than this are taken for logos, signatures and tracking pixels and skipped; PDFs
   * and XML e-invoices are kept whatever their size.
   */
  @WithDefault("10K")
  MemorySize minImageSize();

  Postmark postmark();

  interface Postmark {

    /**
     * The user name and password Postmark sends with Basic auth (its inbound webhook URL takes them
     * as {@code https://user:password@host/...}). With neither these nor a token set, the webhook
     * answers 503.
     */
    Optional<String> username();

    Optional<String> password();

    /** Alternatively a secret token, given as {@code ?token=} in the webhook URL. */
    Optional<String> token();
  }
}
