package dev.nightshift.calendar.scheduling.web;

import dev.nightshift.calendar.scheduling.DailyBlock;
import dev.nightshift.calendar.scheduling.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

/** Checks a working week: a known zone, weekday names, quarter-hour blocks in order. */
final class WorkingHoursCheck {

  private WorkingHoursCheck() {}

  static WorkingHours check(WorkingHoursBody body) {
    var errors = new FieldErrors();
    var given = body == null ? new WorkingHoursBody(null, null) : body;
    var zone = zone(given.timeZone(), errors);
    var week = new EnumMap<DayOfWeek, List<DailyBlock>>(DayOfWeek.class);
    if (given.week() == null) {
      errors.add("week", "give the blocks of each working day, such as {\"MONDAY\": [...]}");
    } else {
      given.week().forEach((name, blocks) -> day(name, blocks, week, errors));
    }
    errors.throwIfAny("invalid-working-hours", "working week");
    return new WorkingHours(zone, week);
  }

  private static ZoneId zone(String id, FieldErrors errors) {
    if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
      errors.add("timeZone", "must be an IANA time zone such as Europe/Berlin");
      return null;
    }
    var zone = ZoneId.of(id);
    var rules = zone.getRules();
    var now = Instant.now();
    var offsets = new ArrayList<Integer>();
    offsets.add(rules.getOffset(now).getTotalSeconds());
    for (var t = rules.nextTransition(now);
        t != null && t.getInstant().isBefore(now.plusSeconds(366L * 86_400));
        t = rules.nextTransition(t.getInstant())) {
      offsets.add(t.getOffsetAfter().getTotalSeconds());
    }
    if (offsets.stream().anyMatch(seconds -> seconds % 900 != 0)) {
      errors.add("timeZone", "its UTC offset is not a whole number of quarter hours");
    }
    return zone;
  }

  private static void day(
      String name,
      List<WorkingHoursBody.Block> blocks,
      EnumMap<DayOfWeek, List<DailyBlock>> week,
      FieldErrors errors) {
    DayOfWeek day;
    try {
      day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add("week." + name, "not a weekday: use MONDAY to SUNDAY");
      return;
    }
    if (week.containsKey(day)) {
      errors.add("week." + name, day + " is given twice");
      return;
    }
    var checked = new ArrayList<DailyBlock>();
    var list = blocks == null ? List.<WorkingHoursBody.Block>of() : blocks;
    for (int i = 0; i < list.size(); i++) {
      var field = "week." + name + "[" + i + "]";
      var block = block(list.get(i), field, errors);
      if (block == null) {
        continue;
      }
      if (!checked.isEmpty() && block.startMinute() < checked.getLast().endMinute()) {
        errors.add(field, "must start at or after the end of the block before it");
        continue;
      }
      checked.add(block);
    }
    week.put(day, checked);
  }

  private static DailyBlock block(WorkingHoursBody.Block block, String field, FieldErrors errors) {
    if (block == null) {
      errors.add(field, "must not be null");
      return null;
    }
    Integer start = time(block.start(), field + ".start", errors);
    Integer end = time(block.end(), field + ".end", errors);
    if (start == null || end == null) {
      return null;
    }
    if (start == DailyBlock.minutes("24:00")) {
      errors.add(field + ".start", "a block cannot start at 24:00");
      return null;
    }
    if (start >= end) {
      errors.add(field + ".end", "must be after the start");
      return null;
    }
    return new DailyBlock(start, end);
  }

  private static Integer time(String value, String field, FieldErrors errors) {
    try {
      int minutes = DailyBlock.minutes(value);
      if (minutes % 15 != 0) {
        errors.add(field, "must be on a quarter hour (:00, :15, :30 or :45)");
        return null;
      }
      return minutes;
    } catch (IllegalArgumentException e) {
      errors.add(field, "must be a time HH:mm, 00:00 to 24:00");
      return null;
    }
  }
}
