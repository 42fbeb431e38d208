package dev.nightshift.inbox.processing;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nightshift.inbox.TestDocuments;
import dev.nightshift.inbox.extraction.ocr.OcrExtractor;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * process-document through the real worker: an item's status goes NEW, PROCESSING, then PROCESSED
 * with its fields or FAILED with a reason, and its run shows one step per strategy.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ProcessDocumentIntegrationTest {

  @Inject OcrExtractor ocr;

  @Test
  void aTextInvoiceIsReadFieldByFieldWithSourcesAndTheRunShowsEachStrategy() throws Exception {
    var api = TestApi.newTeam();
    var pdf =
        TestDocuments.pdf(
            List.of(
                "Northwind Traders Ltd",
                "INVOICE",
                "Invoice number: NW-2026-0042",
                "Invoice date: 2026-11-02",
                "Due date: 2026-11-16",
                "Bill to: Example Customer Ltd",
                "Subtotal EUR 100.00",
                "VAT 20% EUR 20.00",
                "Total due EUR 120.00"));
    var id = upload(api, "northwind.pdf", pdf);

    var item = awaitStatus(api, id, "PROCESSED");

    assertThat(item.getDouble("amount"), equalTo(120.0));
    assertThat(item.getString("currency"), equalTo("EUR"));
    assertThat(item.getString("invoiceDate"), equalTo("2026-11-02"));
    assertThat(item.getString("dueDate"), equalTo("2026-11-16"));
    assertThat(item.getString("invoiceNumber"), equalTo("NW-2026-0042"));
    assertThat(item.getString("fields.total.source"), containsString("pdf-text"));
    assertThat(item.getDouble("fields.total.confidence") > 0.5, equalTo(true));
    var run =
        api.request()
            .get("/api/v1/runs/" + item.getString("processRunId"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(run.getString("status"), equalTo("COMPLETED"));
    assertThat(run.getList("steps.key"), hasItem("pdf-text"));
    assertThat(
        run.getDouble("steps.find { it.key == 'pdf-text' }.output.found.total.value"),
        equalTo(120.0));
  }

  @Test
  void aScannedInvoiceIsReadByOcr() throws Exception {
    assumeTrue(ocr.available(), () -> "skipped: " + ocr.unavailableReason().orElseThrow());
    var api = TestApi.newTeam();
    var scan =
        TestDocuments.scan(
            TestDocuments.invoice("Northwind Traders Ltd", "NW-77", "2026-11-05", "EUR 318.40"));
    var id =
        api.request()
            .multiPart("file", "scan.png", scan, "image/png")
            .post("/api/v1/inbox/uploads")
            .then()
            .statusCode(202)
            .extract()
            .<String>path("itemId");

    var item = awaitStatus(api, id, "PROCESSED");

    assertThat(item.getString("contentType"), equalTo("image/png"));
    assertThat(item.getDouble("amount"), equalTo(318.4));
    assertThat(item.getString("currency"), equalTo("EUR"));
    assertThat(item.getString("invoiceDate"), equalTo("2026-11-05"));
    assertThat(item.getString("fields.total.source"), startsWith("ocr:"));
  }

  @Test
  void aRetriedRunReadsTheStepsItRecordedBefore() throws Exception {
    var api = TestApi.newTeam();
    var id =
        upload(
            api,
            "flaky-once-northwind.pdf",
            TestDocuments.invoice("Northwind Traders Ltd", "NW-9", "2026-11-02", "EUR 75.00"));

    var item = awaitStatus(api, id, "PROCESSED");

    assertThat(item.getDouble("amount"), equalTo(75.0));
    var run =
        api.request()
            .get("/api/v1/runs/" + item.getString("processRunId"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat("the first attempt failed", run.getInt("attempt"), equalTo(2));
    assertThat(run.getString("status"), equalTo("COMPLETED"));
  }

  @Test
  void aCorruptPdfFailsWithAReasonAndIsNotLost() {
    var api = TestApi.newTeam();
    var corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without an end".getBytes();
    var id = upload(api, "broken.pdf", corrupt);

    var item = awaitStatus(api, id, "FAILED");

    assertThat(item.getString("failureReason"), containsString("corrupt"));
    assertThat(item.getString("matchStatus"), equalTo("UNMATCHED"));
  }

  @Test
  void aPdfThatIsNoBillIsProcessedAsOtherAndNotMatched() throws Exception {
    var api = TestApi.newTeam();
    var id =
        upload(
            api,
            "poem.pdf",
            TestDocuments.pdf(List.of("Roses are red", "violets are blue", "a poem for you")));

    var item = awaitStatus(api, id, "PROCESSED");

    assertThat(item.getString("kind"), equalTo("OTHER"));
    assertThat(item.getString("amount"), equalTo(null));
    assertThat(item.getString("matchStatus"), equalTo("UNMATCHED"));
  }

  @Test
  void anEncryptedPdfFailsSayingSo() throws Exception {
    var api = TestApi.newTeam();
    var id = upload(api, "locked.pdf", TestDocuments.encryptedPdf());

    var item = awaitStatus(api, id, "FAILED");

    assertThat(item.getString("failureReason"), containsString("encrypted"));
  }

  private static String upload(TestApi api, String name, byte[] content) {
    return api.request()
        .multiPart("file", name, content, "application/pdf")
        .post("/api/v1/inbox/uploads")
        .then()
        .statusCode(202)
        .extract()
        .path("itemId");
  }

  private static JsonPath awaitStatus(TestApi api, String id, String status) {
    var seen = new JsonPath[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              seen[0] = api.request().get("/api/v1/inbox/" + id).then().extract().jsonPath();
              var now = seen[0].getString("status");
              return "PROCESSED".equals(now) || "FAILED".equals(now);
            });
    assertThat(seen[0].getString("failureReason"), seen[0].getString("status"), equalTo(status));
    return seen[0];
  }
}
