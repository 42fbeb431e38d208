package dev.nightshift.calendar.provider.ics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;

/** Reads a feed body as iCalendar (RFC 5545 says UTF-8). */
final class FeedParser {

  private FeedParser() {}

  /**
   * @param host names the feed in messages
   * @throws InvalidFeedException the body is not iCalendar, or a value in it is not what its
   *     property requires
   */
  static Calendar parse(byte[] body, String host) {
    try {
      // A builder per call: it holds the time zones of the calendar it is reading.
      return new CalendarBuilder()
          .build(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    } catch (ParserException | IOException | DateTimeException | IllegalArgumentException e) {
      throw new InvalidFeedException(
          "The feed at " + host + " is not valid iCalendar: " + e.getMessage(), e);
    }
  }
}
