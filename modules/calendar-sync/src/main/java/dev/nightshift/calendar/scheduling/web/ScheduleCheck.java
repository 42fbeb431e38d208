package dev.nightshift.calendar.scheduling.web;

import dev.nightshift.calendar.scheduling.Priority;
import dev.nightshift.calendar.scheduling.config.SchedulingConfig;
import dev.nightshift.calendar.scheduling.store.RequestedTask;
import dev.nightshift.calendar.scheduling.store.SchedulingRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a scheduling request and completes it with defaults. */
final class ScheduleCheck {

  /** No ':' in an id: it separates the id from the rest of its events' external ids. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private static final int MAX_TITLE = 255;
  private static final int MAX_DURATION_MINUTES = 7 * 24 * 60;

  private ScheduleCheck() {}

  static SchedulingRequest check(ScheduleBody body, SchedulingConfig config) {
    var errors = new FieldErrors();
    var given = body == null ? new ScheduleBody(null, null, null) : body;
    int windowDays = given.windowDays() == null ? config.defaultWindowDays() : given.windowDays();
    if (windowDays < 1 || windowDays > config.maxWindowDays()) {
      errors.add("windowDays", "must be 1 to " + config.maxWindowDays());
    }
    var tasks = new ArrayList<RequestedTask>();
    if (given.tasks() == null || given.tasks().isEmpty()) {
      errors.add("tasks", "list at least one task");
    } else if (given.tasks().size() > config.maxTasks()) {
      errors.add("tasks", "at most " + config.maxTasks() + " tasks in one request");
    } else {
      var ids = new HashSet<String>();
      for (int i = 0; i < given.tasks().size(); i++) {
        var task = task(given.tasks().get(i), "tasks[" + i + "]", errors);
        if (task != null && !ids.add(task.id())) {
          errors.add("tasks[" + i + "].id", "repeats the id of an earlier task");
        }
        tasks.add(task);
      }
    }
    errors.throwIfAny("invalid-scheduling-request", "scheduling request");
    return new SchedulingRequest(tasks, windowDays, given.from());
  }

  private static RequestedTask task(ScheduleBody.TaskBody task, String field, FieldErrors errors) {
    if (task == null) {
      errors.add(field, "must not be null");
      return null;
    }
    int before = errors.size();
    if (task.id() == null || !ID.matcher(task.id()).matches()) {
      errors.add(field + ".id", "1 to 100 letters, digits, '.', '_' or '-'");
    }
    if (task.title() == null || task.title().isBlank() || task.title().length() > MAX_TITLE) {
      errors.add(field + ".title", "must hold 1 to " + MAX_TITLE + " characters");
    }
    quarters(task.durationMinutes(), MAX_DURATION_MINUTES, field + ".durationMinutes", errors);
    if ((task.minChunkMinutes() == null) != (task.maxChunkMinutes() == null)) {
      errors.add(field + ".maxChunkMinutes", "give minChunkMinutes and maxChunkMinutes together");
    } else if (task.minChunkMinutes() != null) {
      quarters(task.minChunkMinutes(), MAX_DURATION_MINUTES, field + ".minChunkMinutes", errors);
      quarters(task.maxChunkMinutes(), MAX_DURATION_MINUTES, field + ".maxChunkMinutes", errors);
      if (task.minChunkMinutes() > task.maxChunkMinutes()) {
        errors.add(field + ".minChunkMinutes", "must not exceed maxChunkMinutes");
      }
    }
    Priority priority = Priority.NORMAL;
    if (task.priority() != null) {
      try {
        priority = Priority.valueOf(task.priority().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(field + ".priority", "must be LOW, NORMAL, HIGH or CRITICAL");
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new RequestedTask(
        task.id(),
        task.title().strip(),
        task.durationMinutes(),
        task.minChunkMinutes(),
        task.maxChunkMinutes(),
        priority,
        task.due());
  }

  private static void quarters(Integer minutes, int max, String field, FieldErrors errors) {
    if (minutes == null || minutes <= 0 || minutes > max || minutes % 15 != 0) {
      errors.add(field, "must be a multiple of 15 minutes, from 15 to " + max);
    }
  }
}
