package dev.nightshift.inbox.extraction.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.Extractor;
import dev.nightshift.inbox.extraction.ExtractorsConfig;
import dev.nightshift.platform.outbound.OutboundHttp;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Google Document AI's Invoice Parser: the document goes to the processor inline (base64), and the
 * entities it finds come back each with its own confidence. Off unless {@code
 * nightshift.inbox.extractors.document-ai.enabled}; then the start fails if the project, processor
 * or access token is missing.
 *
 * <p>Errors as {@link CloudCall} describes them. Thread-safe.
 */
@ApplicationScoped
public class DocumentAiExtractor implements Extractor {

  /** What the processor takes inline, images and PDFs. */
  private static final Set<String> TYPES =
      Set.of(
          "application/pdf",
          "image/gif",
          "image/tiff",
          "image/jpeg",
          "image/png",
          "image/bmp",
          "image/webp");

  private final ExtractorsConfig.DocumentAi config;
  private final OutboundHttp http;
  private final ObjectMapper json;

  DocumentAiExtractor(ExtractorsConfig config, OutboundHttp http, ObjectMapper json) {
    this.config = config.documentAi();
    this.http = http;
    this.json = json;
  }

  void checkSettings(@Observes StartupEvent start) {
    if (config.enabled()
        && (config.project().isEmpty()
            || config.processor().isEmpty()
            || config.accessToken().isEmpty())) {
      throw new IllegalStateException(
          "nightshift.inbox.extractors.document-ai.enabled is true, but project, processor or"
              + " access-token is unset");
    }
  }

  @Override
  public String name() {
    return "document-ai";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public boolean accepts(Document document) {
    return config.enabled() && TYPES.contains(document.contentType());
  }

  @Override
  public Extraction extract(Document document) {
    ObjectNode body = json.createObjectNode();
    body.putObject("rawDocument")
        .put("content", Base64.getEncoder().encodeToString(document.content()))
        .put("mimeType", document.contentType());
    return CloudCall.post(
            http,
            json,
            name(),
            processUri(),
            Map.of(
                "Authorization",
                "Bearer " + config.accessToken().orElseThrow(),
                "Content-Type",
                "application/json"),
            body,
            config.maxResponseSize().asLongValue(),
            document.fileName())
        .map(answer -> DocumentAiEntities.extraction(answer.path("document").path("entities")))
        .orElse(Extraction.EMPTY);
  }

  URI processUri() {
    String base =
        config
            .endpoint()
            .map(URI::toString)
            .orElse("https://" + config.location() + "-documentai.googleapis.com");
    return URI.create(
        stripTrailingSlash(base)
            + "/v1/projects/"
            + config.project().orElseThrow()
            + "/locations/"
            + config.location()
            + "/processors/"
            + config.processor().orElseThrow()
            + ":process");
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
