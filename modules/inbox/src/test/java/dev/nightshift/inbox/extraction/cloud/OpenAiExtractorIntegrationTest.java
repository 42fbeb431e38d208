package dev.nightshift.inbox.extraction.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.ExtractorUnavailableException;
import dev.nightshift.inbox.extraction.TestPdfs;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OpenAiExtractor} against WireMock serving chat completions answers. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(CloudWireMock.class)
class OpenAiExtractorIntegrationTest {

  private static final String COMPLETIONS = "/v1/chat/completions";
  private static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  @Inject OpenAiExtractor extractor;
  WireMockServer server;

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  @Test
  void sendsAPdfAsItsTextAndReadsTheAnswer() throws Exception {
    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .withHeader("Authorization", equalTo("Bearer " + CloudWireMock.API_KEY))
            .willReturn(
                okJson(DocumentAiExtractorIntegrationTest.resource("openai-completion.json"))));

    Extraction extraction =
        extractor.extract(
            new Document(
                "rechnung.pdf",
                "application/pdf",
                TestPdfs.withText("Kontor Leuchtturm GmbH", "Rechnung RE-2026-0042")));

    assertThat(extraction.kind().value(), is(DocumentKind.INVOICE));
    assertThat(extraction.total().value(), comparesEqualTo(new BigDecimal("1428.50")));
    assertThat(extraction.currency().value(), is("EUR"));
    assertThat(extraction.invoiceDate().value(), is(LocalDate.of(2026, 11, 3)));
    assertThat(extraction.dueDate(), is(nullValue()));
    assertThat(extraction.invoiceNumber().value(), is("RE-2026-0042"));
    assertThat(extraction.vendor().value(), is("Kontor Leuchtturm GmbH"));
    assertThat(extraction.taxAmount().value(), comparesEqualTo(new BigDecimal("228.5")));
    assertThat(extraction.total().source(), is("openai:gpt-4o-mini"));
    assertThat(extraction.total().confidence(), is(0.7));
    server.verify(
        postRequestedFor(urlEqualTo(COMPLETIONS))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
            .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
            .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
            .withRequestBody(matchingJsonPath("$.messages[1].content[0].type", equalTo("text")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[1].content[0].text", containing("Rechnung RE-2026-0042")))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
            .withRequestBody(
                matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
            .withRequestBody(
                matchingJsonPath(
                    "$.response_format.json_schema.schema.required[?(@ == 'total_amount')]"))
            .withRequestBody(
                matchingJsonPath(
                    "$.response_format.json_schema.schema.additionalProperties",
                    equalTo("false"))));
  }

  @Test
  void cutsALongTextLayerToTheConfiguredLength() throws Exception {
    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(
                okJson(DocumentAiExtractorIntegrationTest.resource("openai-completion.json"))));
    String line = "Position 1 Beratung 120,00 EUR ".repeat(3);

    extractor.extract(
        new Document("lang.pdf", "application/pdf", TestPdfs.withText(line, line, line, line)));

    String sent = server.getAllServeEvents().getFirst().getRequest().getBodyAsString();
    String text =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(sent)
            .at("/messages/1/content/0/text")
            .asText();
    // "File: lang.pdf\n\n" and at most max-text-length (200) characters of text.
    assertThat(text.length() <= "File: lang.pdf\n\n".length() + 200, is(true));
  }

  @Test
  void sendsAnImageAsADataUrl() throws Exception {
    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(
                okJson(DocumentAiExtractorIntegrationTest.resource("openai-completion.json"))));

    extractor.extract(new Document("bon.png", "image/png", PNG));

    server.verify(
        postRequestedFor(urlEqualTo(COMPLETIONS))
            .withRequestBody(
                matchingJsonPath("$.messages[1].content[1].type", equalTo("image_url")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[1].content[1].image_url.url",
                    equalTo("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG)))));
  }

  @Test
  void aPdfWithoutTextIsNotSent() throws Exception {
    assertThat(
        extractor.extract(new Document("scan.pdf", "application/pdf", TestPdfs.withText())),
        is(Extraction.EMPTY));
    server.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)));
  }

  @Test
  void rateLimitedAndServerErrorsAreUnavailable() {
    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "2")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\","
                            + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")));

    var limited =
        assertThrows(ExtractorUnavailableException.class, () -> extractor.extract(image()));
    assertThat(limited.retryAfter(), is(Duration.ofSeconds(2)));

    server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500)));
    assertThrows(ExtractorUnavailableException.class, () -> extractor.extract(image()));
  }

  @Test
  void aWrongKeyOrABadRequestLeavesTheDocumentToTheOthers() throws Exception {
    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-***key.\","
                            + "\"type\":\"invalid_request_error\",\"param\":null,"
                            + "\"code\":\"invalid_api_key\"}}")));
    assertThat(extractor.extract(image()), is(Extraction.EMPTY));

    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Invalid schema for response_format\","
                            + "\"type\":\"invalid_request_error\",\"param\":\"response_format\","
                            + "\"code\":null}}")));
    assertThat(extractor.extract(image()), is(Extraction.EMPTY));
  }

  @Test
  void malformedAnswersGiveNothing() throws Exception {
    server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson("{\"choices\": [")));
    assertThat(extractor.extract(image()), is(Extraction.EMPTY));

    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(okJson(completion("\"Sorry, no JSON\"", "null", "stop"))));
    assertThat(extractor.extract(image()), is(Extraction.EMPTY));

    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(okJson(completion("null", "\"I can't help with that.\"", "stop"))));
    assertThat(extractor.extract(image()), is(Extraction.EMPTY));

    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(
                okJson(completion("\"{\\\"document_type\\\":\\\"inv\"", "null", "length"))));
    assertThat(extractor.extract(image()), is(Extraction.EMPTY));
  }

  @Test
  void valuesOutsideTheSchemaAreLeftOut() throws Exception {
    String fields =
        "{\\\"document_type\\\":\\\"receipt\\\",\\\"total_amount\\\":\\\"-7.80\\\","
            + "\\\"currency\\\":\\\"€\\\",\\\"invoice_date\\\":\\\"29.10.2026\\\","
            + "\\\"due_date\\\":null,\\\"invoice_number\\\":\\\"  \\\","
            + "\\\"vendor_name\\\":\\\"Cafe Hafenblick\\\",\\\"tax_amount\\\":null}";
    server.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(okJson(completion("\"" + fields + "\"", "null", "stop"))));

    Extraction extraction = extractor.extract(image());

    assertThat(extraction.kind().value(), is(DocumentKind.RECEIPT));
    assertThat(extraction.total().value(), comparesEqualTo(new BigDecimal("7.80")));
    assertThat(extraction.currency(), is(nullValue()));
    assertThat(extraction.invoiceDate(), is(nullValue()));
    assertThat(extraction.invoiceNumber(), is(nullValue()));
    assertThat(extraction.vendor().value(), is("Cafe Hafenblick"));
  }

  private static Document image() {
    return new Document("bon.png", "image/png", PNG);
  }

  /** A chat completion in the documented shape; each argument is JSON. */
  private static String completion(String content, String refusal, String finishReason) {
    return """
        {"id":"chatcmpl-test","object":"chat.completion","created":1796371200,
         "model":"gpt-4o-mini-2024-07-18",
         "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":%s},
           "logprobs":null,"finish_reason":"%s"}],
         "usage":{"prompt_tokens":300,"completion_tokens":20,"total_tokens":320}}
        """
        .formatted(content, refusal, finishReason);
  }
}
