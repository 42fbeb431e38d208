package dev.nightshift.inbox.extraction.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
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
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DocumentAiExtractor} against WireMock serving the Invoice Parser's documented answers. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(CloudWireMock.class)
class DocumentAiExtractorIntegrationTest {

  private static final byte[] PDF = TestPdfs.withText("Rechnung RE-2026-0042");

  @Inject DocumentAiExtractor extractor;
  WireMockServer server;

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  @Test
  void sendsTheDocumentInlineAndReadsTheEntities() {
    server.stubFor(
        post(urlEqualTo(CloudWireMock.PROCESS_PATH))
            .withHeader("Authorization", equalTo("Bearer " + CloudWireMock.ACCESS_TOKEN))
            .withRequestBody(matchingJsonPath("$.rawDocument.mimeType", equalTo("application/pdf")))
            .withRequestBody(
                matchingJsonPath(
                    "$.rawDocument.content", equalTo(Base64.getEncoder().encodeToString(PDF))))
            .willReturn(okJson(resource("document-ai-invoice.json"))));

    Extraction extraction = extractor.extract(pdf());

    assertThat(extraction.kind().value(), is(DocumentKind.INVOICE));
    assertThat(extraction.kind().confidence(), is(0.98));
    assertThat(extraction.total().value(), comparesEqualTo(new BigDecimal("1428.50")));
    assertThat(extraction.total().confidence(), is(0.96));
    assertThat(extraction.currency().value(), is("EUR"));
    assertThat(extraction.currency().confidence(), is(0.99));
    assertThat(extraction.invoiceDate().value(), is(LocalDate.of(2026, 11, 3)));
    assertThat(extraction.invoiceDate().confidence(), is(0.97));
    assertThat(extraction.dueDate().value(), is(LocalDate.of(2026, 12, 3)));
    assertThat(extraction.invoiceNumber().value(), is("RE-2026-0042"));
    assertThat(extraction.vendor().value(), is("Kontor Leuchtturm GmbH"));
    assertThat(extraction.vendor().confidence(), is(0.93));
    assertThat(extraction.taxAmount().value(), comparesEqualTo(new BigDecimal("228.50")));
    assertThat(extraction.taxAmount().confidence(), is(0.88));
    assertThat(extraction.total().source(), is("document-ai"));
    server.verify(
        postRequestedFor(urlEqualTo(CloudWireMock.PROCESS_PATH))
            .withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void lowConfidenceEntitiesKeepTheirOwnConfidenceAndTheMostConfidentWins() {
    server.stubFor(
        post(urlEqualTo(CloudWireMock.PROCESS_PATH))
            .willReturn(okJson(resource("document-ai-receipt-low-confidence.json"))));

    Extraction extraction = extractor.extract(new Document("bon.png", "image/png", PDF));

    assertThat(extraction.total().value(), comparesEqualTo(new BigDecimal("7.80")));
    assertThat(extraction.total().confidence(), is(0.35));
    // No total_tax_amount: the total less the net amount, as sure as the less sure of the two.
    assertThat(extraction.taxAmount().value(), comparesEqualTo(new BigDecimal("1.25")));
    assertThat(extraction.taxAmount().confidence(), is(0.3));
    assertThat(extraction.vendor().value(), is("CAFE HAFENBLICK"));
    assertThat(extraction.vendor().confidence(), is(0.41));
    assertThat(extraction.invoiceDate().confidence(), is(0.52));
    // Neither a currency entity nor a currency code in the amounts; a date without a day.
    assertThat(extraction.currency(), is(nullValue()));
    assertThat(extraction.dueDate(), is(nullValue()));
    assertThat(extraction.isComplete(), is(false));
  }

  @Test
  void rateLimitedIsUnavailableWithTheServersWait() {
    server.stubFor(
        post(urlEqualTo(CloudWireMock.PROCESS_PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric"
                            + " 'Number of process requests'\",\"status\":\"RESOURCE_EXHAUSTED\"}}")));

    var thrown = assertThrows(ExtractorUnavailableException.class, () -> extractor.extract(pdf()));

    assertThat(thrown.retryAfter(), is(Duration.ofSeconds(30)));
    assertThat(thrown.getMessage(), containsString("Quota exceeded"));
  }

  @Test
  void serverErrorIsUnavailable() {
    server.stubFor(
        post(urlEqualTo(CloudWireMock.PROCESS_PATH)).willReturn(aResponse().withStatus(503)));

    var thrown = assertThrows(ExtractorUnavailableException.class, () -> extractor.extract(pdf()));

    assertThat(thrown.getMessage(), containsString("HTTP 503"));
    assertThat(thrown.retryAfter(), is(nullValue()));
  }

  @Test
  void aTimeoutIsUnavailable() {
    server.stubFor(
        post(urlEqualTo(CloudWireMock.PROCESS_PATH))
            .willReturn(okJson(resource("document-ai-invoice.json")).withFixedDelay(3000)));

    assertThrows(ExtractorUnavailableException.class, () -> extractor.extract(pdf()));
  }

  @Test
  void aRejectedTokenLeavesTheDocumentToTheOthers() {
    server.stubFor(
        post(urlEqualTo(CloudWireMock.PROCESS_PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication"
                            + " credentials.\",\"status\":\"UNAUTHENTICATED\"}}")));

    assertThat(extractor.extract(pdf()), is(Extraction.EMPTY));
  }

  @Test
  void aMalformedAnswerGivesNothing() {
    server.stubFor(
        post(urlEqualTo(CloudWireMock.PROCESS_PATH))
            .willReturn(okJson("{\"document\": {\"entities\": [")));

    assertThat(extractor.extract(pdf()), is(Extraction.EMPTY));
  }

  @Test
  void acceptsPdfsAndImagesButNotXml() {
    assertThat(extractor.accepts(pdf()), is(true));
    assertThat(extractor.accepts(new Document("a.jpg", "image/jpeg", PDF)), is(true));
    assertThat(extractor.accepts(new Document("a.xml", "application/xml", PDF)), is(false));
  }

  private static Document pdf() {
    return new Document("rechnung.pdf", "application/pdf", PDF);
  }

  static String resource(String name) {
    try (InputStream in =
        DocumentAiExtractorIntegrationTest.class.getResourceAsStream("/cloud/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
