package dev.nightshift.inbox.matching;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.inbox.matching.store.MatchItemStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Gives up on documents whose payment never showed: processed items still UNMATCHED or SUGGESTED
 * {@code nightshift.inbox.matching.no-match-after} after they arrived become NO_MATCH, and matching
 * stops looking at them. Their suggestions stay, so a person can still confirm one. Triggered daily
 * by {@link NoMatchTick}, for every team at once, in batches.
 */
@ApplicationScoped
@TaskDefinition(id = NoMatchTask.ID, queue = "inbox-maintenance", concurrencyLimit = 1)
public class NoMatchTask implements Task<NoMatchTask.Payload, NoMatchTask.Result> {

  public static final String ID = "inbox-no-match";

  private static final int BATCH = 1_000;

  public record Payload() {}

  /** How many items became NO_MATCH. */
  public record Result(int aged) {}

  private final MatchItemStore items;
  private final MatchingConfig config;

  NoMatchTask(MatchItemStore items, MatchingConfig config) {
    this.items = items;
    this.config = config;
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) {
    var before = Instant.now().minus(config.noMatchAfter());
    int total = 0;
    int aged;
    do {
      aged = items.giveUp(before, BATCH);
      total += aged;
    } while (aged == BATCH && !ctx.isCancelled());
    return new Result(total);
  }
}
