package dev.nightshift.inbox.intake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.nightshift.inbox.TestDocuments;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Multipart uploads: what is taken, what is refused and how, and who may see it. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class UploadIntegrationTest {

  @Test
  void anUploadIsStoredOnceAndOnlyItsTeamSeesIt() throws Exception {
    var api = TestApi.newTeam();
    var pdf = TestDocuments.invoice("Acme GmbH", "U-1", "2026-11-02", "EUR 42.00");

    var created =
        api.request()
            .multiPart("file", "receipt.pdf", pdf, "application/octet-stream")
            .multiPart("reference", "client-upload-1")
            .post("/api/v1/inbox/uploads")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    var id = created.getString("itemId");
    assertThat(created.getString("outcome"), equalTo("CREATED"));

    var retried =
        api.request()
            .multiPart("file", "receipt.pdf", pdf, "application/pdf")
            .multiPart("reference", "client-upload-1")
            .post("/api/v1/inbox/uploads")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(retried.getString("itemId"), equalTo(id));

    var item = api.request().get("/api/v1/inbox/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(item.getString("source"), equalTo("UPLOAD"));
    assertThat(item.getString("contentType"), equalTo("application/pdf"));
    assertThat(item.getLong("size"), equalTo((long) pdf.length));
    var downloaded =
        api.request()
            .get("/api/v1/inbox/" + id + "/document")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(Arrays.equals(downloaded, pdf), equalTo(true));

    var other = TestApi.newTeam();
    other.request().get("/api/v1/inbox/" + id).then().statusCode(404);
    other.request().get("/api/v1/inbox/" + id + "/document").then().statusCode(404);
    assertThat(
        other
            .request()
            .get("/api/v1/inbox")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data"),
        hasSize(0));
  }

  @Test
  void badUploadsGetProblemsAndLeaveNothingBehind() {
    var api = TestApi.newTeam();

    api.request()
        .multiPart("file", "huge.pdf", new byte[210_000], "application/pdf")
        .post("/api/v1/inbox/uploads")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", containsString("document-too-large"));
    api.request()
        .multiPart("file", "empty.pdf", new byte[0], "application/pdf")
        .post("/api/v1/inbox/uploads")
        .then()
        .statusCode(422)
        .body("detail", containsString("empty"));
    api.request()
        .multiPart("file", "notes.txt", "just some words".getBytes(), "application/pdf")
        .post("/api/v1/inbox/uploads")
        .then()
        .statusCode(422)
        .body("detail", containsString("text/plain"));
    api.request()
        .multiPart("other", "x")
        .post("/api/v1/inbox/uploads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    api.request().get("/api/v1/inbox?status=shredded").then().statusCode(400);
    api.request().get("/api/v1/inbox?cursor=nonsense").then().statusCode(400);

    assertThat(
        api.request()
            .get("/api/v1/inbox")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data"),
        hasSize(0));
  }

  @Test
  void listsNewestFirstPageByPage() throws Exception {
    var api = TestApi.newTeam();
    for (int i = 0; i < 3; i++) {
      api.request()
          .multiPart(
              "file",
              "r" + i + ".pdf",
              TestDocuments.invoice("V" + i, "N" + i, "2026-11-02", "EUR 1.00"),
              "application/pdf")
          .post("/api/v1/inbox/uploads")
          .then()
          .statusCode(202);
    }
    var first =
        api.request().get("/api/v1/inbox?limit=2").then().statusCode(200).extract().jsonPath();
    assertThat(first.getList("data.fileName"), equalTo(java.util.List.of("r2.pdf", "r1.pdf")));
    var second =
        api.request()
            .queryParam("cursor", first.getString("nextCursor"))
            .get("/api/v1/inbox?limit=2")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(second.getList("data.fileName"), equalTo(java.util.List.of("r0.pdf")));
  }
}
