package dev.nightshift.calendar.provider.ics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bundled demo team calendar: a week of work events in Europe/Berlin whose rules start in 2026
 * and never end, so any window from then on has events. The demo serves these bytes at a URL and
 * connects to it like to any other feed.
 */
public final class DemoFeed {

  /** Its classpath location. */
  public static final String RESOURCE = "calendar/demo-team-calendar.ics";

  private DemoFeed() {}

  /** The file's bytes (UTF-8 iCalendar). */
  public static byte[] bytes() {
    try (InputStream in = DemoFeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
