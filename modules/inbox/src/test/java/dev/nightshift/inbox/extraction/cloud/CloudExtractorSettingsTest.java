package dev.nightshift.inbox.extraction.cloud;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.ExtractorsConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cloud extractors' settings, mapped the way Quarkus maps them, with their defaults. */
class CloudExtractorSettingsTest {

  private static final Document PDF = new Document("a.pdf", "application/pdf", new byte[0]);
  private static final Document PNG = new Document("a.png", "image/png", new byte[0]);

  @Test
  void bothAreOffByDefaultAndAcceptNothing() {
    ExtractorsConfig config = config(Map.of());

    var documentAi = new DocumentAiExtractor(config, null, new ObjectMapper());
    var openAi = new OpenAiExtractor(config, null, new ObjectMapper());
    documentAi.checkSettings(null);
    openAi.checkSettings(null);

    assertThat(documentAi.accepts(PDF) || documentAi.accepts(PNG), is(false));
    assertThat(openAi.accepts(PDF) || openAi.accepts(PNG), is(false));
    assertThat(config.openai().baseUrl(), is(URI.create("https://api.openai.com/v1")));
    assertThat(config.openai().confidence(), is(0.7));
  }

  @Test
  void theDocumentAiEndpointIsTheRegionalOneOfTheLocation() {
    ExtractorsConfig config =
        config(
            Map.of(
                "nightshift.inbox.extractors.document-ai.project", "acme-books",
                "nightshift.inbox.extractors.document-ai.location", "eu",
                "nightshift.inbox.extractors.document-ai.processor", "9a8b7c6d"));

    assertThat(
        new DocumentAiExtractor(config, null, new ObjectMapper()).processUri(),
        is(
            URI.create(
                "https://eu-documentai.googleapis.com/v1/projects/acme-books/locations/eu"
                    + "/processors/9a8b7c6d:process")));
  }

  @Test
  void enabledWithoutCredentialsFailsTheStart() {
    var documentAi =
        new DocumentAiExtractor(
            config(Map.of("nightshift.inbox.extractors.document-ai.enabled", "true")),
            null,
            new ObjectMapper());
    var openAi =
        new OpenAiExtractor(
            config(Map.of("nightshift.inbox.extractors.openai.enabled", "true")),
            null,
            new ObjectMapper());

    assertThat(
        assertThrows(IllegalStateException.class, () -> documentAi.checkSettings(null))
            .getMessage(),
        containsString("access-token"));
    assertThat(
        assertThrows(IllegalStateException.class, () -> openAi.checkSettings(null)).getMessage(),
        containsString("api-key"));
  }

  private static ExtractorsConfig config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(ExtractorsConfig.class)
        .withConverter(MemorySize.class, 200, new MemorySizeConverter())
        .withSources(new PropertiesConfigSource(properties, "test", 400))
        .build()
        .getConfigMapping(ExtractorsConfig.class);
  }
}
