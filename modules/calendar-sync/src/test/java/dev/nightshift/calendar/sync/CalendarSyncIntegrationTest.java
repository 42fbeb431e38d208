package dev.nightshift.calendar.sync;

import static dev.nightshift.calendar.CalendarTests.awaitRun;
import static dev.nightshift.calendar.CalendarTests.connect;
import static dev.nightshift.calendar.CalendarTests.connectFeed;
import static dev.nightshift.calendar.CalendarTests.lastLog;
import static dev.nightshift.calendar.CalendarTests.sync;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.nightshift.calendar.CalendarTests;
import dev.nightshift.calendar.connection.ConnectionStore;
import dev.nightshift.calendar.provider.RemoteEvent;
import dev.nightshift.calendar.remote.FakeFeeds;
import dev.nightshift.calendar.remote.FakeGoogle;
import dev.nightshift.calendar.remote.FakeProviders;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Full and incremental syncs through the real tasks, engine and database, against the in-memory
 * Google and ICS feeds of {@link FakeProviders}.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class CalendarSyncIntegrationTest {

  private static final FakeGoogle GOOGLE = FakeProviders.GOOGLE;

  @Inject DataSource dataSource;
  @Inject ConnectionStore connections;

  private CalendarTests db;
  private TestApi api;
  private final Instant tomorrow =
      Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

  @BeforeEach
  void setUp() {
    FakeProviders.install();
    db = new CalendarTests(dataSource);
    api = TestApi.newTeam();
  }

  @Test
  void aFullSyncReadsEveryPageThenUpdatesChangedEventsAndDeletesCancelledOnes() {
    var account = GOOGLE.newAccount();
    var calendar = account.primary();
    calendar.pageSize = 100;
    for (int i = 0; i < 250; i++) {
      calendar.put("ev" + i, "Event " + i, tomorrow.plus(Duration.ofHours(i)));
    }
    calendar.put("too-late", "Next year", Instant.now().plus(Duration.ofDays(400)));

    var connection = connect(api, account);
    assertThat(awaitRun(connection.syncRunId()).getString("status"), equalTo("COMPLETED"));
    var titles = db.titles(connection.id());
    assertThat(titles, aMapWithSize(250));
    assertThat(titles, not(hasKey("too-late")));
    var first = lastLog(api, connection.id());
    assertThat(first.getString("type"), equalTo("FULL"));
    assertThat(first.getString("trigger"), equalTo("CONNECT"));
    assertThat(first.getString("status"), equalTo("SUCCEEDED"));
    assertThat(first.getInt("inserted"), equalTo(250));
    assertThat(first.getInt("pages"), equalTo(3));
    assertThat("calendar list and three pages", first.getInt("apiCalls"), equalTo(4));

    for (int i = 0; i < 10; i++) {
      calendar.put("ev" + i, "Moved " + i, tomorrow.plus(Duration.ofHours(i + 1)));
    }
    for (int i = 10; i < 15; i++) {
      calendar.cancel("ev" + i);
    }
    assertThat(
        awaitRun(sync(api, connection.id(), "full")).getString("status"), equalTo("COMPLETED"));
    var second = lastLog(api, connection.id());
    assertThat(second.getInt("inserted"), equalTo(0));
    assertThat(second.getInt("updated"), equalTo(10));
    assertThat(second.getInt("deleted"), equalTo(5));
    titles = db.titles(connection.id());
    assertThat(titles, aMapWithSize(245));
    assertThat(titles.get("ev3"), equalTo("Moved 3"));
    assertThat(titles, not(hasKey("ev12")));
  }

  @Test
  void withDeleteSyncOffCancelledEventsStayAndADisabledCalendarIsNotSynced() {
    var account = GOOGLE.newAccount();
    var primary = account.primary();
    var team = account.addCalendar("Team", false);
    primary.put("keep", "Keep me", tomorrow);
    var connection = connect(api, account);
    awaitRun(connection.syncRunId());
    patch(
        connection.id(), db.calendarId(connection.id(), primary.id), Map.of("syncDeletes", false));
    patch(connection.id(), db.calendarId(connection.id(), team.id), Map.of("enabled", false));

    primary.cancel("keep");
    primary.put("new", "New", tomorrow.plus(Duration.ofHours(2)));
    team.put("hidden", "In a disabled calendar", tomorrow);
    assertThat(
        awaitRun(sync(api, connection.id(), "incremental")).getString("status"),
        equalTo("COMPLETED"));

    var titles = db.titles(connection.id());
    assertThat(titles.keySet(), equalTo(Set.of("keep", "new")));
    var log = lastLog(api, connection.id());
    assertThat(log.getInt("deleted"), equalTo(0));
    assertThat(log.getInt("inserted"), equalTo(1));
  }

  @Test
  void aCalendarTheProviderNoLongerListsGoesWithItsEventsAtTheNextFullSync() {
    var account = GOOGLE.newAccount();
    var primary = account.primary();
    var team = account.addCalendar("Team", false);
    primary.put("mine", "Mine", tomorrow);
    team.put("shared", "Shared with me", tomorrow);
    var connection = connect(api, account);
    awaitRun(connection.syncRunId());
    assertThat(db.titles(connection.id()).keySet(), equalTo(Set.of("mine", "shared")));

    account.calendars.remove(team);
    assertThat(
        awaitRun(sync(api, connection.id(), "full")).getString("status"), equalTo("COMPLETED"));

    assertThat(db.titles(connection.id()).keySet(), equalTo(Set.of("mine")));
    var left = new ArrayList<List<String>>();
    db.query("SELECT external_id FROM calendar.events WHERE team_id = ?", api.teamId(), left::add);
    assertThat(left, equalTo(List.of(List.of("mine"))));
    assertThat(
        api.request()
            .get("/api/v1/calendar-connections/" + connection.id() + "/calendars")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("externalId"),
        equalTo(List.of(primary.id)));
  }

  @Test
  void anIncrementalSyncAppliesOnlyWhatChangedSinceItsToken() {
    var account = GOOGLE.newAccount();
    var calendar = account.primary();
    for (int i = 0; i < 20; i++) {
      calendar.put("ev" + i, "Event " + i, tomorrow.plus(Duration.ofHours(i)));
    }
    var connection = connect(api, account);
    awaitRun(connection.syncRunId());
    var tokenAfterFull = db.token(connection.id(), calendar.id);
    assertThat(tokenAfterFull, notNullValue());

    calendar.put("ev1", "Renamed", tomorrow.plus(Duration.ofHours(1)));
    calendar.cancel("ev2");
    calendar.put("ev-new", "Added", tomorrow);
    var run = awaitRun(sync(api, connection.id(), "incremental"));

    assertThat(run.getString("status"), equalTo("COMPLETED"));
    var log = lastLog(api, connection.id());
    assertThat(log.getString("type"), equalTo("INCREMENTAL"));
    assertThat(log.getBoolean("fellBack"), equalTo(false));
    assertThat(log.getInt("inserted"), equalTo(1));
    assertThat(log.getInt("updated"), equalTo(1));
    assertThat(log.getInt("deleted"), equalTo(1));
    assertThat(db.titles(connection.id()).get("ev1"), equalTo("Renamed"));
    assertThat(db.token(connection.id(), calendar.id), not(equalTo(tokenAfterFull)));
  }

  @Test
  void anExpiredTokenIsClearedAndTheCalendarIsListedInFull() {
    var account = GOOGLE.newAccount();
    var calendar = account.primary();
    calendar.put("a", "A", tomorrow);
    var connection = connect(api, account);
    awaitRun(connection.syncRunId());

    calendar.put("b", "B", tomorrow);
    calendar.expireTokens();
    var run = awaitRun(sync(api, connection.id(), "incremental"));

    assertThat(run.getString("status"), equalTo("COMPLETED"));
    var log = lastLog(api, connection.id());
    assertThat(log.getString("type"), equalTo("INCREMENTAL"));
    assertThat(log.getBoolean("fellBack"), equalTo(true));
    assertThat(log.getInt("inserted"), equalTo(1));
    assertThat(log.getInt("pages"), equalTo(1));
    assertThat("the refused token, then the listing", log.getInt("apiCalls"), equalTo(2));
    assertThat(db.titles(connection.id()).keySet(), equalTo(Set.of("a", "b")));
    assertThat(db.token(connection.id(), calendar.id), notNullValue());
  }

  @Test
  void theTokenMovesOnlyOnceEveryWriteCommitted() {
    var account = GOOGLE.newAccount();
    var calendar = account.primary();
    calendar.pageSize = 5;
    calendar.put("a", "A", tomorrow);
    var connection = connect(api, account);
    awaitRun(connection.syncRunId());
    var before = db.token(connection.id(), calendar.id);

    // A trigger in the database refuses one event, so the page that holds it fails to commit
    // while the pages before it have.
    var poison = "poison-" + UUID.randomUUID();
    db.execute(
        "CREATE OR REPLACE FUNCTION calendar.refuse_poison() RETURNS trigger AS $$ BEGIN"
            + " IF NEW.external_id = '"
            + poison
            + "' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
    db.execute(
        "CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON calendar.events"
            + " FOR EACH ROW EXECUTE FUNCTION calendar.refuse_poison()");
    try {
      for (int i = 0; i < 12; i++) {
        calendar.put("ev" + i, "Event " + i, tomorrow.plus(Duration.ofHours(i)));
      }
      calendar.put(poison, "Poison", tomorrow);
      var failed = awaitRun(sync(api, connection.id(), "incremental"));

      assertThat(failed.getString("status"), equalTo("FAILED"));
      assertThat(db.token(connection.id(), calendar.id), equalTo(before));
      assertThat(
          "the pages before the poison were written", db.titles(connection.id()), hasKey("ev9"));
      var log = lastLog(api, connection.id());
      assertThat(log.getString("status"), equalTo("FAILED"));
      assertThat(log.getString("error"), containsString("Could not store the events"));
    } finally {
      db.execute("DROP TRIGGER refuse_poison ON calendar.events");
      db.execute("DROP FUNCTION calendar.refuse_poison()");
    }

    assertThat(
        awaitRun(sync(api, connection.id(), "incremental")).getString("status"),
        equalTo("COMPLETED"));
    assertThat(db.titles(connection.id()), aMapWithSize(14));
    assertThat(db.token(connection.id(), calendar.id), not(equalTo(before)));
  }

  @Test
  void aFailedPageFailsTheAttemptAndTheRetryFinishesTheListing() {
    var account = GOOGLE.newAccount();
    var calendar = account.primary();
    calendar.pageSize = 10;
    for (int i = 0; i < 30; i++) {
      calendar.put("ev" + i, "Event " + i, tomorrow.plus(Duration.ofHours(i)));
    }
    calendar.failPage = 2;

    var connection = connect(api, account);
    var run = awaitRun(connection.syncRunId());

    assertThat(run.getString("status"), equalTo("COMPLETED"));
    assertThat(run.getInt("attempt"), equalTo(2));
    assertThat(db.titles(connection.id()), aMapWithSize(30));
  }

  @Test
  void anAccessTokenAboutToExpireIsRefreshedAndARotatedRefreshTokenIsKept() {
    var account = GOOGLE.newAccount();
    account.accessExpiresAt = Instant.now().plus(Duration.ofMinutes(2));
    account.primary().put("a", "A", tomorrow);

    var connection = connect(api, account);
    awaitRun(connection.syncRunId());
    assertThat("refreshed before listing calendars", account.refreshes, equalTo(1));
    assertThat(connections.oauth(connection.id()).accessToken(), equalTo(account.accessToken));

    account.rotateRefreshToken = true;
    db.execute(
        "UPDATE calendar.connections SET token_expires_at = now() WHERE id = '"
            + connection.id()
            + "'");
    var run = awaitRun(sync(api, connection.id(), "incremental"));

    assertThat(run.getString("status"), equalTo("COMPLETED"));
    assertThat(account.refreshes, equalTo(2));
    var stored = connections.oauth(connection.id());
    assertThat(stored.accessToken(), equalTo(account.accessToken));
    assertThat(stored.refreshToken(), equalTo(account.refreshToken));
  }

  @Test
  void aRevokedGrantDeactivatesTheConnectionAndFailsTheRunWithoutRetry() {
    var account = GOOGLE.newAccount();
    var connection = connect(api, account);
    awaitRun(connection.syncRunId());
    account.revoked = true;
    db.execute(
        "UPDATE calendar.connections SET token_expires_at = now() WHERE id = '"
            + connection.id()
            + "'");

    var run = awaitRun(sync(api, connection.id(), "incremental"));

    assertThat(run.getString("status"), equalTo("FAILED"));
    assertThat(run.getInt("attempt"), equalTo(1));
    var view =
        api.request().get("/api/v1/calendar-connections/" + connection.id()).then().extract();
    assertThat(view.path("active"), equalTo(false));
    assertThat(view.path("deactivatedReason"), containsString("invalid_grant"));
    var log = lastLog(api, connection.id());
    assertThat(log.getString("status"), equalTo("FAILED"));
    assertThat(log.getString("error"), containsString("invalid_grant"));
    api.request()
        .contentType("application/json")
        .body(Map.of("type", "full"))
        .post("/api/v1/calendar-connections/" + connection.id() + "/sync")
        .then()
        .statusCode(409);
  }

  @Test
  void aFeedSnapshotDeletesWhatItNoLongerListsAndAnUnchangedFeedWritesNothing() {
    var url = URI.create("https://feeds.example.com/" + UUID.randomUUID() + ".ics");
    FakeFeeds.Feed feed = FakeProviders.FEEDS.feed(url);
    for (var id : new String[] {"x", "y", "z"}) {
      feed.put(
          new RemoteEvent(
              id,
              false,
              id.toUpperCase(),
              null,
              null,
              tomorrow,
              tomorrow.plus(Duration.ofDays(1)),
              true,
              "UTC",
              RemoteEvent.Status.CONFIRMED,
              null));
    }
    var connection = connectFeed(api, url);
    awaitRun(connection.syncRunId());
    assertThat(db.titles(connection.id()), aMapWithSize(3));

    feed.remove("y");
    awaitRun(sync(api, connection.id(), "incremental"));
    assertThat(db.titles(connection.id()).keySet(), equalTo(Set.of("x", "z")));
    assertThat(lastLog(api, connection.id()).getInt("deleted"), equalTo(1));

    awaitRun(sync(api, connection.id(), "incremental"));
    var unchanged = lastLog(api, connection.id());
    assertThat(
        unchanged.getInt("inserted") + unchanged.getInt("updated") + unchanged.getInt("deleted"),
        equalTo(0));
    assertThat(db.titles(connection.id()), aMapWithSize(2));
  }

  private void patch(UUID connection, UUID calendar, Map<String, Object> change) {
    api.request()
        .contentType("application/json")
        .body(change)
        .patch("/api/v1/calendar-connections/" + connection + "/calendars/" + calendar)
        .then()
        .statusCode(200);
  }
}
