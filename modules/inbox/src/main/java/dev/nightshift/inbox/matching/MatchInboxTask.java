package dev.nightshift.inbox.matching;

import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.inbox.matching.store.MatchItemStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Matches a team's inbox items to its transactions ({@link Matcher}): the given items, or, with
 * none given, the team's processed items still UNMATCHED or SUGGESTED, newest first, at most {@code
 * nightshift.inbox.matching.max-items-per-run}. Each item is matched and committed on its own, so a
 * retry redoes only what is left, and doing one twice is harmless.
 *
 * <p>Runs wait in the queue {@code inbox-matching}, one at a time per team and four teams at once:
 * trigger them with {@link #options(UUID)}, whose concurrency key is the team. (Not the queue
 * {@code inbox}: a queue takes the strictest limit of its tasks, and this limit of 1 would hold
 * {@code process-document} to one run at a time.)
 */
@ApplicationScoped
@TaskDefinition(
    id = MatchInboxTask.ID,
    queue = "inbox-matching",
    concurrencyLimit = 1,
    queueLimit = 4,
    maxDuration = "30m")
public class MatchInboxTask implements Task<MatchInboxTask.Payload, MatchInboxTask.Result> {

  public static final String ID = "match-inbox";

  /** Items read at a time when a run matches the whole team. */
  private static final int PAGE = 100;

  /**
   * @param inboxIds the items to match; empty or null for all the team's waiting items. Items of
   *     other teams are skipped.
   */
  public record Payload(@NotNull UUID teamId, @Size(max = 1000) List<UUID> inboxIds) {}

  /** What the run did: items linked, left with suggestions, left unmatched, and skipped. */
  public record Result(int linked, int suggested, int unmatched, int skipped) {}

  private final Matcher matcher;
  private final MatchItemStore items;
  private final MatchingConfig config;

  MatchInboxTask(Matcher matcher, MatchItemStore items, MatchingConfig config) {
    this.matcher = matcher;
    this.items = items;
    this.config = config;
  }

  /** How every run of this task is triggered: for the team, one at a time per team. */
  public static TriggerOptions options(UUID teamId) {
    return TriggerOptions.defaults().withTeam(teamId).withConcurrencyKey(teamId.toString());
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) {
    var team = payload.teamId();
    if (ctx.teamId().isPresent() && !ctx.teamId().get().equals(team)) {
      throw new NonRetryableException("A run of one team cannot match another team's inbox.");
    }
    var counts = new int[Matcher.Outcome.values().length];
    if (payload.inboxIds() != null && !payload.inboxIds().isEmpty()) {
      for (var id : payload.inboxIds()) {
        counts[matcher.match(team, id).ordinal()]++;
      }
      return result(counts);
    }
    UUID after = null;
    int done = 0;
    while (done < config.maxItemsPerRun() && !ctx.isCancelled()) {
      var page = items.waiting(team, after, Math.min(PAGE, config.maxItemsPerRun() - done));
      if (page.isEmpty()) {
        break;
      }
      for (var id : page) {
        counts[matcher.match(team, id).ordinal()]++;
      }
      done += page.size();
      after = page.getLast();
      ctx.progress(done, 0, done + " items matched");
    }
    return result(counts);
  }

  private static Result result(int[] counts) {
    return new Result(
        counts[Matcher.Outcome.LINKED.ordinal()],
        counts[Matcher.Outcome.SUGGESTED.ordinal()],
        counts[Matcher.Outcome.UNMATCHED.ordinal()],
        counts[Matcher.Outcome.SKIPPED.ordinal()]);
  }
}
