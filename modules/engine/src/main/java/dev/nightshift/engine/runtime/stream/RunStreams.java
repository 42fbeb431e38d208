package dev.nightshift.engine.runtime.stream;

import dev.nightshift.engine.runtime.notify.PgNotifications;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.runtime.store.RunView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Live views of runs for event streams. Whichever node changes a run announces it on {@code
 * nightshift_run}; every node re-reads the runs its own subscribers follow and sends them the new
 * state, so a client may connect to any node.
 */
@ApplicationScoped
public class RunStreams {

  private final Map<UUID, List<MultiEmitter<? super RunView>>> subscribers =
      new ConcurrentHashMap<>();
  private final ExecutorService pushes = Executors.newVirtualThreadPerTaskExecutor();
  private final RunReads reads;

  RunStreams(RunReads reads, PgNotifications notifications) {
    this.reads = reads;
    notifications.subscribe(PgNotifications.RUNS_CHANGED, this::changed, this::refreshAll);
  }

  /**
   * The run's state now and after each change, ending after its terminal state. The subscription
   * starts before the first read, so no change falls between them.
   */
  public Multi<RunView> follow(UUID run) {
    return Multi.createFrom()
        .emitter(
            emitter -> {
              subscribers.computeIfAbsent(run, id -> new CopyOnWriteArrayList<>()).add(emitter);
              emitter.onTermination(() -> unsubscribe(run, emitter));
              pushes.execute(() -> push(run));
            });
  }

  private void changed(String payload) {
    for (String id : payload.split(",")) {
      var run = UUID.fromString(id);
      if (subscribers.containsKey(run)) {
        pushes.execute(() -> push(run));
      }
    }
  }

  /** Notifications sent while the connection was down are lost: send everyone the current state. */
  private void refreshAll() {
    subscribers.keySet().forEach(run -> pushes.execute(() -> push(run)));
  }

  private void push(UUID run) {
    var emitters = subscribers.get(run);
    if (emitters == null) {
      return;
    }
    var view = reads.find(run);
    for (var emitter : emitters) {
      if (view.isEmpty()) {
        emitter.complete();
        continue;
      }
      emitter.emit(view.get());
      if (view.get().status().isTerminal()) {
        emitter.complete();
      }
    }
  }

  private void unsubscribe(UUID run, MultiEmitter<? super RunView> emitter) {
    subscribers.computeIfPresent(
        run,
        (id, emitters) -> {
          emitters.remove(emitter);
          return emitters.isEmpty() ? null : emitters;
        });
  }
}
