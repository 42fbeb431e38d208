package dev.nightshift.engine.runtime.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.engine.UnknownTaskException;
import dev.nightshift.engine.runtime.config.EngineConfig;
import dev.nightshift.engine.runtime.store.QueueLimits;
import dev.nightshift.engine.runtime.store.QueueStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Every {@link Task} bean, found at startup by its {@link TaskDefinition}. Also records each
 * queue's limits where claimers read them.
 */
@Startup
@ApplicationScoped
public class TaskRegistry {

  private static final Logger LOG = Logger.getLogger(TaskRegistry.class);

  private final Map<String, RegisteredTask> tasks = new TreeMap<>();

  @SuppressWarnings("unchecked")
  TaskRegistry(
      @Any Instance<Task<?, ?>> beans, EngineConfig config, ObjectMapper json, QueueStore queues) {
    for (var handle : beans.handles()) {
      Class<?> type = handle.getBean().getBeanClass();
      var definition = type.getAnnotation(TaskDefinition.class);
      if (definition == null) {
        throw new IllegalStateException(
            type.getName() + " implements Task without @TaskDefinition");
      }
      var payloadType = json.getTypeFactory().findTypeParameters(type, Task.class)[0];
      var settings = TaskSettings.of(definition, config.tasks().get(definition.id()));
      var task =
          new RegisteredTask(
              definition.id(), (Task<Object, Object>) handle.get(), payloadType, settings);
      if (tasks.putIfAbsent(definition.id(), task) != null) {
        throw new IllegalStateException("Two tasks have the id '" + definition.id() + "'");
      }
    }
    queues.define(queueLimits());
    LOG.infof("Tasks: %s", tasks.keySet());
  }

  public RegisteredTask get(String id) {
    return find(id).orElseThrow(() -> new UnknownTaskException(id));
  }

  public Optional<RegisteredTask> find(String id) {
    return Optional.ofNullable(tasks.get(id));
  }

  /** Every deployed task, by id. */
  public Collection<RegisteredTask> all() {
    return Collections.unmodifiableCollection(tasks.values());
  }

  /** The queues the deployed tasks declare. */
  public java.util.Set<String> queues() {
    return queueLimits().keySet();
  }

  /** The strictest limits the tasks of each queue give it. */
  private Map<String, QueueLimits> queueLimits() {
    var limits = new HashMap<String, QueueLimits>();
    for (var task : tasks.values()) {
      var settings = task.settings();
      limits.merge(
          settings.queue(),
          new QueueLimits(settings.concurrencyLimit(), settings.queueLimit()),
          QueueLimits::strictest);
    }
    return limits;
  }
}
