package dev.nightshift.calendar.sync;

import static dev.nightshift.calendar.CalendarTests.awaitRun;
import static dev.nightshift.calendar.CalendarTests.connect;
import static dev.nightshift.calendar.CalendarTests.sync;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;

import dev.nightshift.calendar.CalendarTests;
import dev.nightshift.calendar.push.ChannelTokens;
import dev.nightshift.calendar.remote.FakeGoogle;
import dev.nightshift.calendar.remote.FakeProviders;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.testing.EngineTestKit;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batch over workspaces, one sync per workspace at a time, and Google's push channel. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class BatchAndPushIntegrationTest {

  private static final FakeGoogle GOOGLE = FakeProviders.GOOGLE;

  @Inject DataSource dataSource;
  @Inject Engine engine;
  @Inject EngineTestKit kit;
  @Inject ChannelTokens channels;

  private CalendarTests db;
  private final Instant tomorrow =
      Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

  @BeforeEach
  void setUp() {
    FakeProviders.install();
    db = new CalendarTests(dataSource);
  }

  @Test
  void theBatchRunsOneChildPerWorkspaceKeyedByItAndSumsThemUp() {
    var teams = new ArrayList<UUID>();
    var accounts = new ArrayList<FakeGoogle.Account>();
    for (int i = 0; i < 3; i++) {
      var api = TestApi.newTeam();
      var account = GOOGLE.newAccount();
      awaitRun(connect(api, account).syncRunId());
      account.primary().put("new-" + i, "New", tomorrow);
      teams.add(api.teamId());
      accounts.add(account);
    }
    var ours = teams.stream().map(t -> "'" + t + "'").collect(Collectors.joining(","));
    db.execute(
        "UPDATE calendar.connections SET active = false WHERE team_id NOT IN (" + ours + ")");

    var batch =
        engine.trigger(
            BatchSyncTask.ID,
            new BatchSyncTask.Payload(SyncTrigger.BATCH),
            TriggerOptions.defaults());
    var run = awaitRun(batch.id().toString());

    assertThat(run.getString("status"), equalTo("COMPLETED"));
    assertThat(run.getInt("output.teams"), equalTo(3));
    assertThat(run.getInt("output.succeeded"), equalTo(3));
    assertThat(run.getInt("output.failed"), equalTo(0));
    assertThat(run.getInt("output.inserted"), equalTo(3));
    var children =
        kit.triggered(IncrementalSyncTask.ID).stream()
            .filter(child -> batch.id().equals(child.parentId()))
            .toList();
    assertThat(children, hasSize(3));
    assertThat(
        children.stream().map(c -> c.concurrencyKey()).collect(Collectors.toSet()),
        equalTo(teams.stream().map(UUID::toString).collect(Collectors.toSet())));
    assertThat(
        children.stream().map(c -> c.teamId()).collect(Collectors.toSet()),
        equalTo(Set.copyOf(teams)));
  }

  @Test
  void syncsOfOneWorkspaceTriggeredTogetherRunOneAfterTheOther() {
    var api = TestApi.newTeam();
    var account = GOOGLE.newAccount();
    var calendar = account.primary();
    calendar.pageSize = 2;
    for (int i = 0; i < 6; i++) {
      calendar.put("ev" + i, "Event " + i, tomorrow.plus(Duration.ofHours(i)));
    }
    var connection = connect(api, account);
    awaitRun(connection.syncRunId());
    // Each listing call now lasts long enough for overlapping syncs to meet in it.
    calendar.callTime = Duration.ofMillis(150);

    var runs =
        List.of(
            sync(api, connection.id(), "incremental"),
            sync(api, connection.id(), "full"),
            sync(api, connection.id(), "full"));
    runs.forEach(r -> assertThat(awaitRun(r).getString("status"), equalTo("COMPLETED")));

    assertThat(calendar.maxInFlight(), equalTo(1));
    var intervals = db.logIntervals(connection.id());
    assertThat(intervals.size(), greaterThanOrEqualTo(4));
    for (int i = 1; i < intervals.size(); i++) {
      assertThat(
          "sync " + i + " started after sync " + (i - 1) + " ended",
          intervals.get(i)[0] >= intervals.get(i - 1)[1],
          equalTo(true));
    }
  }

  @Test
  void aChangeNotificationSyncsTheConnectionOncePerMessage() {
    var api = TestApi.newTeam();
    var account = GOOGLE.newAccount();
    var connection = connect(api, account);
    awaitRun(connection.syncRunId());
    account.primary().put("pushed", "Pushed", tomorrow);
    var channel = ChannelTokens.channelId(connection.id(), "w1");
    var token = channels.tokenFor(connection.id());

    notification(channel, token, "sync", "1")
        .post("/webhooks/google-calendar")
        .then()
        .statusCode(200);
    assertThat(pushRuns(channel), hasSize(0));

    notification(channel, token, "exists", "2")
        .post("/webhooks/google-calendar")
        .then()
        .statusCode(200);
    notification(channel, token, "exists", "2")
        .post("/webhooks/google-calendar")
        .then()
        .statusCode(200);
    var runs = pushRuns(channel);
    assertThat(runs, hasSize(1));
    assertThat(awaitRun(runs.getFirst()).getString("status"), equalTo("COMPLETED"));
    assertThat(db.titles(connection.id()), hasKey("pushed"));
    assertThat(CalendarTests.lastLog(api, connection.id()).getString("trigger"), equalTo("PUSH"));
  }

  @Test
  void aNotificationWithABadTokenOrAnUnknownChannelIsRefused() {
    var api = TestApi.newTeam();
    var connection = connect(api, GOOGLE.newAccount());
    awaitRun(connection.syncRunId());
    var channel = connection.id().toString();

    notification(channel, "forged", "exists", "1")
        .post("/webhooks/google-calendar")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    var gone = UUID.randomUUID();
    notification(gone.toString(), channels.tokenFor(gone), "exists", "1")
        .post("/webhooks/google-calendar")
        .then()
        .statusCode(404);
    notification("not-ours", "x", "exists", "1")
        .post("/webhooks/google-calendar")
        .then()
        .statusCode(404);
    notification(channel, channels.tokenFor(connection.id()), "moved", "1")
        .post("/webhooks/google-calendar")
        .then()
        .statusCode(400);
  }

  private List<String> pushRuns(String channel) {
    return kit.triggered(IncrementalSyncTask.ID).stream()
        .filter(r -> r.idempotencyKey() != null && r.idempotencyKey().contains(channel))
        .map(r -> r.id().toString())
        .toList();
  }

  private static RequestSpecification notification(
      String channel, String token, String state, String message) {
    return given()
        .header("X-Goog-Channel-ID", channel)
        .header("X-Goog-Channel-Token", token)
        .header("X-Goog-Resource-ID", "ret08u3rv24htgh289g")
        .header(
            "X-Goog-Resource-URI",
            "https://www.googleapis.com/calendar/v3/calendars/primary/events")
        .header("X-Goog-Resource-State", state)
        .header("X-Goog-Message-Number", message)
        .header("X-Goog-Channel-Expiration", "Tue, 19 Nov 2030 01:13:52 GMT");
  }
}
