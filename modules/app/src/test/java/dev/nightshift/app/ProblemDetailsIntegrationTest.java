package dev.nightshift.app;

import static dev.nightshift.app.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends bad input to every {@code /api/v1} operation that the OpenAPI document lists, so that
 * endpoints added later are covered without touching this test: each must answer a 4xx problem
 * detail, never a 2xx or a 5xx, and never a stack trace.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ProblemDetailsIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Operation(String method, String path, JsonNode spec) {
    String describe() {
      return method.toUpperCase() + " " + path;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyOperationWithAJsonBodyRejectsBadBodies() throws Exception {
    var openApi = openApi();
    var tests = new ArrayList<DynamicTest>();
    String team = Api.createTeam();
    for (var op : operations(openApi)) {
      var schema = requestSchema(openApi, op);
      if (schema == null) {
        continue;
      }
      String path = concretePath(op.path(), team);
      tests.add(test(op, "malformed JSON", 400, () -> send(op, path, "{\"name\": ")));
      tests.add(test(op, "empty body", () -> send(op, path, "")));
      tests.add(test(op, "an array for an object", 400, () -> send(op, path, "[1, 2]")));
      tests.add(test(op, "an unknown field", 400, () -> send(op, path, "{\"noSuchField\": 1}")));
      tests.add(test(op, "an oversized body", 413, () -> send(op, path, oversized())));
      var properties = schema.path("properties");
      properties
          .fieldNames()
          .forEachRemaining(
              field ->
                  tests.add(
                      test(
                          op,
                          "a wrong type for '" + field + "'",
                          400,
                          () ->
                              send(
                                  op,
                                  path,
                                  "{\""
                                      + field
                                      + "\": "
                                      + wrongValueFor(properties.get(field))
                                      + "}"))));
      if (schema.path("required").size() > 0) {
        tests.add(test(op, "missing required fields", 422, () -> send(op, path, "{}")));
      }
    }
    assertThat("the OpenAPI document lists operations with bodies", tests, not(empty()));
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyOperationRequiresAKey() throws Exception {
    String team = Api.createTeam();
    return operations(openApi()).stream()
        .map(
            op ->
                test(
                    op,
                    "no key",
                    () ->
                        given()
                            .contentType("application/json")
                            .body("{}")
                            .request(op.method(), concretePath(op.path(), team))));
  }

  @TestFactory
  Stream<DynamicTest> everyOperationWithAnIdRejectsAMalformedOne() throws Exception {
    return operations(openApi()).stream()
        .filter(op -> op.path().contains("{"))
        .map(
            op ->
                test(
                    op,
                    "a malformed id",
                    () ->
                        asAdmin()
                            .body("{}")
                            .request(op.method(), op.path().replaceAll("\\{[^}]+}", "not-an-id"))));
  }

  private static DynamicTest test(
      Operation op, String what, java.util.function.Supplier<Response> call) {
    return test(op, what, 0, call);
  }

  /** A case whose answer must be a problem detail with {@code status}, or any 4xx for 0. */
  private static DynamicTest test(
      Operation op, String what, int status, java.util.function.Supplier<Response> call) {
    return DynamicTest.dynamicTest(
        op.describe() + " with " + what,
        () -> {
          var response = call.get();
          String body = response.asString();
          if (status == 0) {
            assertThat(
                body, response.statusCode(), both(greaterThanOrEqualTo(400)).and(lessThan(500)));
          } else {
            assertThat(body, response.statusCode(), equalTo(status));
          }
          assertThat(response.contentType(), startsWith("application/problem+json"));
          assertThat(
              body,
              allOf(
                  not(containsString("Exception")),
                  not(containsString("\tat ")),
                  containsString("\"status\":" + response.statusCode())));
          assertThat(response.jsonPath().getString("title"), notNullValue());
        });
  }

  private static Response send(Operation op, String path, String body) {
    return asAdmin().body(body).request(op.method(), path);
  }

  private static JsonNode openApi() throws Exception {
    return JSON.readTree(given().accept("application/json").get("/q/openapi").asString());
  }

  private static List<Operation> operations(JsonNode openApi) {
    var ops = new ArrayList<Operation>();
    openApi
        .path("paths")
        .properties()
        .forEach(
            path -> {
              if (path.getKey().startsWith("/api/v1")) {
                path.getValue()
                    .properties()
                    .forEach(m -> ops.add(new Operation(m.getKey(), path.getKey(), m.getValue())));
              }
            });
    return ops;
  }

  /** The JSON schema of the operation's body, or null if it takes no JSON body. */
  private static JsonNode requestSchema(JsonNode openApi, Operation op) {
    var schema =
        op.spec().path("requestBody").path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return null;
    }
    var ref = schema.path("$ref").asText("");
    return ref.isEmpty() ? schema : openApi.at(ref.substring(1));
  }

  /** Fills {team} with a real team and any other id with one that exists nowhere. */
  private static String concretePath(String template, String team) {
    return template.replace("{team}", team).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
  }

  private static String wrongValueFor(JsonNode property) {
    return switch (property.path("type").asText("object")) {
      case "string" -> "12345";
      case "integer", "number" -> "\"not a number\"";
      case "boolean" -> "\"maybe\"";
      case "array" -> "{\"not\": \"an array\"}";
      default -> "\"not an object\"";
    };
  }

  private static String oversized() {
    return "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
  }
}
