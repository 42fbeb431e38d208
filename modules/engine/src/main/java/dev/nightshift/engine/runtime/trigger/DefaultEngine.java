package dev.nightshift.engine.runtime.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.TriggerResult;
import dev.nightshift.engine.runtime.journal.ChildTrigger;
import dev.nightshift.engine.runtime.store.RunCommands;
import dev.nightshift.engine.runtime.store.RunInserts;
import dev.nightshift.engine.runtime.task.TaskRegistry;
import dev.nightshift.engine.runtime.telemetry.RunMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The engine's {@link Engine}: validates payloads, then inserts runs in one round trip. */
@ApplicationScoped
public class DefaultEngine implements Engine, ChildTrigger {

  private final TaskRegistry tasks;
  private final RunRows rows;
  private final RunInserts inserts;
  private final RunCommands commands;
  private final RunMetrics metrics;

  DefaultEngine(
      TaskRegistry tasks,
      RunRows rows,
      RunInserts inserts,
      RunCommands commands,
      RunMetrics metrics) {
    this.tasks = tasks;
    this.rows = rows;
    this.inserts = inserts;
    this.commands = commands;
    this.metrics = metrics;
  }

  @Override
  public TriggerResult trigger(String taskId, Object payload, TriggerOptions options) {
    return batchTrigger(taskId, List.of(new BatchItem(payload, options))).getFirst();
  }

  @Override
  public List<TriggerResult> batchTrigger(String taskId, List<BatchItem> items) {
    return insert(taskId, items, null, null);
  }

  @Override
  public List<UUID> trigger(UUID parent, String taskId, List<BatchItem> items) {
    var root = inserts.rootOf(parent);
    return insert(taskId, items, parent, root).stream().map(TriggerResult::id).toList();
  }

  private List<TriggerResult> insert(String taskId, List<BatchItem> items, UUID parent, UUID root) {
    var task = tasks.get(taskId);
    var array = JsonNodeFactory.instance.arrayNode(items.size());
    for (var item : items) {
      var options = item.options() == null ? TriggerOptions.defaults() : item.options();
      var row = rows.row(task, item.payload(), options);
      if (parent != null) {
        row.put("parent_id", parent.toString()).put("root_id", root.toString());
      }
      array.add(row);
    }
    var results = inserts.insert(array.toString(), items.size());
    metrics.triggered(taskId, (int) results.stream().filter(r -> !r.isCached()).count());
    return results;
  }

  @Override
  public boolean cancel(UUID runId) {
    return commands.cancel(runId);
  }

  /** A new run of the same task with the same payload, team and tags. */
  public TriggerResult replay(String taskId, JsonNode payload, UUID teamId, List<String> tags) {
    return trigger(taskId, payload, TriggerOptions.defaults().withTeam(teamId).withTags(tags));
  }
}
