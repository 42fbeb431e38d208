package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.nightshift.engine.runtime.store.RunFilter;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.runtime.store.RunView;
import dev.nightshift.engine.tasks.EventWaiterTask;
import dev.nightshift.engine.tasks.JournaledTask;
import dev.nightshift.engine.tasks.ParentTask;
import dev.nightshift.engine.tasks.Probe;
import dev.nightshift.engine.tasks.SleeperTask;
import dev.nightshift.engine.tasks.StubbornTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class StepsAndWaitsIntegrationTest {

  @Inject Engine engine;
  @Inject Events events;
  @Inject RunReads reads;
  @Inject AgroalDataSource dataSource;

  @Test
  void aRetriedRunDoesNotRedoFinishedSteps() {
    String key = UUID.randomUUID().toString();
    var id = trigger("journaled", new JournaledTask.Payload(key, 0, true));

    var run = RunAwait.until(reads, id, RunStatus.COMPLETED);
    assertThat(run.attempt(), equalTo(2));
    assertThat(Probe.steps(key + ":fetch"), equalTo(1));
    assertThat(Probe.steps(key + ":save"), equalTo(1));
    var steps = detail(id).steps();
    assertThat(steps.stream().map(s -> s.key()).toList(), contains("fetch", "save"));
    assertThat(
        "the retry returned the stored result of the first attempt's step",
        run.output().asText(),
        equalTo(steps.getFirst().output().asText()));
  }

  @Test
  void aWaitingRunResumesWithoutRedoingItsSteps() {
    String key = UUID.randomUUID().toString();
    var id = trigger("journaled", new JournaledTask.Payload(key, 800, false));

    var waiting = RunAwait.until(reads, id, RunStatus.WAITING);
    assertThat("waiting is not an attempt", waiting.attempt(), equalTo(0));
    var run = RunAwait.until(reads, id, RunStatus.COMPLETED);
    assertThat(run.attempt(), equalTo(1));
    assertThat(Probe.steps(key + ":fetch"), equalTo(1));
    assertThat(Probe.steps(key + ":save"), equalTo(1));
    var steps = detail(id).steps();
    assertThat(steps.stream().map(s -> s.key()).toList(), contains("fetch", "wait#1", "save"));
    assertThat(steps.get(1).status(), equalTo("RESOLVED"));
    assertThat(steps.get(1).waitingFor().get("type").asText(), equalTo("time"));
  }

  @Test
  void aTaskThatSwallowsItsWaitStillWaits() {
    var id = trigger("stubborn", new StubbornTask.Payload(300));

    var run = RunAwait.until(reads, id, RunStatus.COMPLETED);
    assertThat(run.output().asText(), equalTo("waited"));
  }

  @Test
  void aWaitingRunGivesUpItsConcurrencySlot() {
    var options = TriggerOptions.defaults().withConcurrencyKey("slot-" + UUID.randomUUID());
    var long_ = engine.trigger("sleeper", new SleeperTask.Payload(60_000), options).id();
    RunAwait.until(reads, long_, RunStatus.WAITING);

    var short_ = engine.trigger("sleeper", new SleeperTask.Payload(1), options).id();

    RunAwait.until(reads, short_, RunStatus.COMPLETED);
    assertThat(reads.find(long_).orElseThrow().status(), is(RunStatus.WAITING));
  }

  @Test
  void anEventResumesOnlyTheWaitsItMatches() {
    var team = UUID.randomUUID();
    var matching =
        engine
            .trigger(
                "event-waiter",
                new EventWaiterTask.Payload("order.paid", Map.of("orderId", 7), 60_000),
                TriggerOptions.defaults().withTeam(team))
            .id();
    RunAwait.until(reads, matching, RunStatus.WAITING);

    // Each publish resolves waits in its own transaction, so the run's state is final at return.
    events.publish("order.paid", team, Map.of("orderId", 8));
    events.publish("order.paid", UUID.randomUUID(), Map.of("orderId", 7));
    events.publish("order.shipped", team, Map.of("orderId", 7));
    assertThat(reads.find(matching).orElseThrow().status(), is(RunStatus.WAITING));
    events.publish("order.paid", team, Map.of("orderId", 7, "amount", 12));

    var run = RunAwait.until(reads, matching, RunStatus.COMPLETED);
    assertThat(run.output().asText(), equalTo("received {\"amount\":12,\"orderId\":7}"));
  }

  @Test
  void anEventThatMissedTheWaitBeingStoredStillResumesIt() throws SQLException {
    var waiter =
        trigger("event-waiter", new EventWaiterTask.Payload("parcel.arrived", Map.of(), 60_000));
    RunAwait.until(reads, waiter, RunStatus.WAITING);

    // As if published in a transaction that could not yet see the wait: in the outbox, no
    // resolution. The waker's sweep over recent waits finds it.
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                "INSERT INTO engine.events (id, name, payload, source)"
                    + " VALUES (engine.uuid_v7(), 'parcel.arrived', '{\"box\": 1}', 'test')")) {
      insert.executeUpdate();
    }

    var run = RunAwait.until(reads, waiter, RunStatus.COMPLETED);
    assertThat(run.output().asText(), equalTo("received {\"box\":1}"));
  }

  @Test
  void anEventWaitTimesOutAsAResult() {
    var id = trigger("event-waiter", new EventWaiterTask.Payload("never.happens", Map.of(), 300));

    var run = RunAwait.until(reads, id, RunStatus.COMPLETED);
    assertThat(run.output().asText(), equalTo("timed out"));
    assertThat(run.attempts().size(), equalTo(0));
  }

  @Test
  void aParentResumesWhenAllItsChildrenFinished() {
    var id = trigger("parent", new ParentTask.Payload(List.of("a", "b", "c"), 300));

    var run = RunAwait.until(reads, id, RunStatus.COMPLETED);
    assertThat(run.output().asText(), equalTo("woke;A,B,C"));
    var children = children(id);
    assertThat(children, hasSize(4));
    assertThat(children.stream().map(RunView::rootId).toList(), everyItem(equalTo(id)));
    assertThat(children.stream().map(RunView::status).toList(), everyItem(is(RunStatus.COMPLETED)));
  }

  @Test
  void cancellingAWaitingParentCancelsItsChildren() {
    var id = trigger("parent", new ParentTask.Payload(List.of("a"), 60_000));
    RunAwait.until(reads, id, RunStatus.WAITING);
    await(() -> children(id).size() == 1 && children(id).getFirst().status() == RunStatus.WAITING);

    assertThat(engine.cancel(id), is(true));

    var child = children(id).getFirst();
    assertThat(child.status(), is(RunStatus.CANCELED));
    assertThat(reads.find(id).orElseThrow().status(), is(RunStatus.CANCELED));
  }

  private UUID trigger(String task, Object payload) {
    return engine.trigger(task, payload, TriggerOptions.defaults()).id();
  }

  private RunView detail(UUID id) {
    return given()
        .auth()
        .oauth2("test-admin-key")
        .get("/api/v1/runs/" + id)
        .then()
        .statusCode(200)
        .body("steps", notNullValue())
        .extract()
        .as(RunView.class);
  }

  private List<RunView> children(UUID parent) {
    return reads.list(new RunFilter(null, null, null, null, null, null, null, 200)).stream()
        .filter(run -> parent.equals(run.parentId()))
        .toList();
  }

  private static void await(Callable<Boolean> condition) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(condition);
  }
}
