package dev.nightshift.inbox.extraction.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.Extractor;
import dev.nightshift.inbox.extraction.ExtractorsConfig;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import dev.nightshift.platform.outbound.OutboundHttp;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.logging.Logger;

/**
 * Asks a chat completions API that speaks OpenAI's protocol for the fields, as a JSON object in a
 * strict schema. A PDF is sent as its text layer, an image as an image. The API gives no
 * confidence, so every field gets {@code nightshift.inbox.extractors.openai.confidence}. Off unless
 * {@code nightshift.inbox.extractors.openai.enabled}; then the start fails without an API key.
 *
 * <p>A PDF without a text layer (a scan) is not sent: this strategy comes after OCR, which reads
 * scans. Errors as {@link CloudCall} describes them; a reply that is a refusal or not the asked
 * JSON object gives nothing, with a warning. Thread-safe.
 */
@ApplicationScoped
public class OpenAiExtractor implements Extractor {

  private static final Logger LOG = Logger.getLogger(OpenAiExtractor.class);

  /** The image types chat completions take. */
  private static final Set<String> IMAGES =
      Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  private final ExtractorsConfig.OpenAi config;
  private final OutboundHttp http;
  private final ObjectMapper json;
  private final OpenAiRequest requests;

  OpenAiExtractor(ExtractorsConfig config, OutboundHttp http, ObjectMapper json) {
    this.config = config.openai();
    this.http = http;
    this.json = json;
    this.requests = new OpenAiRequest(json);
  }

  void checkSettings(@Observes StartupEvent start) {
    if (config.enabled() && config.apiKey().isEmpty()) {
      throw new IllegalStateException(
          "nightshift.inbox.extractors.openai.enabled is true, but api-key is unset");
    }
    if (config.confidence() < 0 || config.confidence() > 1) {
      throw new IllegalStateException(
          "nightshift.inbox.extractors.openai.confidence must lie in [0, 1]: "
              + config.confidence());
    }
  }

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public boolean accepts(Document document) {
    return config.enabled() && (document.isPdf() || IMAGES.contains(document.contentType()));
  }

  @Override
  public Extraction extract(Document document) throws UnreadableDocumentException {
    ObjectNode body;
    if (document.isPdf()) {
      String text = text(document);
      if (text.isBlank()) {
        LOG.debugf("openai: %s has no text layer and is not sent", document.fileName());
        return Extraction.EMPTY;
      }
      body = requests.forText(config.model(), document.fileName(), text);
    } else {
      body =
          requests.forImage(
              config.model(), document.fileName(), document.contentType(), document.content());
    }
    return CloudCall.post(
            http,
            json,
            name(),
            URI.create(stripTrailingSlash(config.baseUrl().toString()) + "/chat/completions"),
            Map.of(
                "Authorization",
                "Bearer " + config.apiKey().orElseThrow(),
                "Content-Type",
                "application/json"),
            body,
            config.maxResponseSize().asLongValue(),
            document.fileName())
        .flatMap(answer -> fields(answer, document.fileName()))
        .map(new OpenAiAnswer("openai:" + config.model(), config.confidence())::read)
        .orElse(Extraction.EMPTY);
  }

  /** {@code choices[0].message.content}, parsed: the JSON object the schema asked for. */
  private Optional<JsonNode> fields(JsonNode answer, String fileName) {
    JsonNode message = answer.path("choices").path(0).path("message");
    if (message.path("refusal").isTextual()) {
      LOG.warnf("openai: the model refused %s: %s", fileName, message.path("refusal").asText());
      return Optional.empty();
    }
    try {
      JsonNode fields = json.readTree(message.path("content").asText(""));
      if (fields != null && fields.isObject()) {
        return Optional.of(fields);
      }
    } catch (IOException notJson) {
      // Reported below with the other shapes that are not the asked object.
    }
    LOG.warnf(
        "openai: the reply for %s is not the JSON object asked for (finish_reason %s)",
        fileName, answer.path("choices").path(0).path("finish_reason").asText("missing"));
    return Optional.empty();
  }

  private String text(Document document) throws UnreadableDocumentException {
    try (var pdf = Loader.loadPDF(document.content())) {
      String text = new PDFTextStripper().getText(pdf).strip();
      return text.length() > config.maxTextLength()
          ? text.substring(0, config.maxTextLength())
          : text;
    } catch (InvalidPasswordException e) {
      throw new UnreadableDocumentException("The PDF is encrypted with a password", e);
    } catch (IOException e) {
      throw new UnreadableDocumentException("The PDF is corrupt: " + e.getMessage(), e);
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
