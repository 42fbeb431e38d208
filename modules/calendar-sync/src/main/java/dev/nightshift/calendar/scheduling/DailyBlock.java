package dev.nightshift.calendar.scheduling;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A stretch of wall-clock working time within a day, in minutes after midnight: {@code end} may be
 * 1440 (24:00), the end of the day. Both lie on quarter hours and {@code start < end}.
 */
public record DailyBlock(int startMinute, int endMinute) {

  static final int DAY = 24 * 60;

  public DailyBlock {
    if (startMinute < 0 || endMinute > DAY || startMinute >= endMinute) {
      throw new IllegalArgumentException("A block runs from 00:00 to 24:00 at most, start first");
    }
    if (startMinute % 15 != 0 || endMinute % 15 != 0) {
      throw new IllegalArgumentException("A block starts and ends on a quarter hour");
    }
  }

  /** A block from two {@code HH:mm} times; the end may be {@code 24:00}. */
  public static DailyBlock of(String start, String end) {
    return new DailyBlock(minutes(start), minutes(end));
  }

  /**
   * Minutes after midnight of an {@code HH:mm} time, {@code 24:00} included.
   *
   * @throws IllegalArgumentException when it is not such a time
   */
  public static int minutes(String time) {
    if ("24:00".equals(time)) {
      return DAY;
    }
    try {
      if (time == null || time.length() != 5) {
        throw new IllegalArgumentException("not HH:mm: " + time);
      }
      return LocalTime.parse(time).toSecondOfDay() / 60;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not HH:mm: " + time, e);
    }
  }

  public String start() {
    return format(startMinute);
  }

  public String end() {
    return format(endMinute);
  }

  /** True when the wall-clock time {@code minuteOfDay} lies in the block. */
  public boolean contains(int minuteOfDay) {
    return minuteOfDay >= startMinute && minuteOfDay < endMinute;
  }

  private static String format(int minutes) {
    return "%02d:%02d".formatted(minutes / 60, minutes % 60);
  }
}
