package dev.nightshift.calendar.provider.ics;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.nightshift.calendar.provider.RemoteEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * A feed's events within a window, recurring ones expanded into one event per instance.
 *
 * <ul>
 *   <li>Ids: the {@code UID} for a single event; {@code UID_<instance key>} for an instance (see
 *       {@link Temporals#instanceKey}), so an instance keeps its id from sync to sync. An event
 *       without a {@code UID} gets one derived from its times and summary.
 *   <li>ical4j expands {@code RRULE}, {@code RDATE} and {@code EXDATE}. An {@code EXDATE} written
 *       in another shape than {@code DTSTART} (UTC against a {@code TZID}) is matched here by
 *       instant too. A {@code VEVENT} with a {@code RECURRENCE-ID} replaces the instance it names,
 *       under that instance's id, wherever it moved to.
 *   <li>{@code STATUS:CANCELLED} yields cancelled events (the sync deletes them); {@code TENTATIVE}
 *       yields {@link RemoteEvent.Status#TENTATIVE}; no {@code SUMMARY} yields "Untitled event".
 *   <li>An event is in the window when {@code [start, end)} overlaps {@code [timeMin, timeMax)}; an
 *       event of no length, when its start is in the window.
 * </ul>
 */
final class FeedEvents {

  static final String UNTITLED = "Untitled event";

  private final Temporals times;
  private final Instant timeMin;
  private final Instant timeMax;
  private final int maxEvents;
  private final List<RemoteEvent> events = new ArrayList<>();

  private FeedEvents(Temporals times, Instant timeMin, Instant timeMax, int maxEvents) {
    this.times = times;
    this.timeMin = timeMin;
    this.timeMax = timeMax;
    this.maxEvents = maxEvents;
  }

  /**
   * @throws InvalidFeedException the window holds more than {@code maxEvents} events
   */
  static List<RemoteEvent> within(
      Calendar calendar, Temporals times, Instant timeMin, Instant timeMax, int maxEvents) {
    var expansion = new FeedEvents(times, timeMin, timeMax, maxEvents);
    Map<String, List<VEvent>> byUid = new LinkedHashMap<>();
    for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
      byUid.computeIfAbsent(uid(event), uid -> new ArrayList<>()).add(event);
    }
    byUid.forEach(expansion::addSeries);
    return List.copyOf(expansion.events);
  }

  private void addSeries(String uid, List<VEvent> revisions) {
    Map<String, VEvent> overrides = new LinkedHashMap<>();
    VEvent master = null;
    for (VEvent revision : revisions) {
      Optional<DateProperty<Temporal>> recurrenceId = revision.getProperty(Property.RECURRENCE_ID);
      if (recurrenceId.isPresent()) {
        overrides.put(times.instanceKey(recurrenceId.get().getDate()), revision);
      } else if (master == null) {
        master = revision;
      }
    }
    if (master != null) {
      addMaster(uid, master, overrides.keySet());
    }
    overrides.forEach((key, override) -> addOccurrence(uid + "_" + key, override, start(override)));
  }

  private void addMaster(String uid, VEvent master, Set<String> overridden) {
    Temporal start = start(master);
    if (master.getProperty(Property.RRULE).isEmpty()
        && master.getProperty(Property.RDATE).isEmpty()) {
      addOccurrence(uid, master, start);
      return;
    }
    Set<String> excluded = new HashSet<>(overridden);
    for (DateListProperty<Temporal> exdate :
        master.<DateListProperty<Temporal>>getProperties(Property.EXDATE)) {
      exdate.getDates().forEach(date -> excluded.add(times.instanceKey(date)));
    }
    Set<Period<Temporal>> instances =
        master.calculateRecurrenceSet(times.window(start, timeMin, timeMax));
    for (Period<Temporal> instance : instances) {
      String key = times.instanceKey(instance.getStart());
      if (!excluded.contains(key)) {
        addOccurrence(uid + "_" + key, master, instance.getStart());
      }
    }
  }

  private void addOccurrence(String id, VEvent event, Temporal start) {
    Instant from = times.instant(start);
    Instant to = times.instant(end(event, start));
    boolean inWindow =
        from.isBefore(timeMax)
            && (to.isAfter(timeMin) || (to.equals(from) && !from.isBefore(timeMin)));
    if (!inWindow) {
      return;
    }
    if (events.size() == maxEvents) {
      throw new InvalidFeedException(
          "The feed has more than "
              + maxEvents
              + " events in the window (nightshift.calendar.ics.max-events)");
    }
    if (is(event, Property.STATUS, "CANCELLED")) {
      events.add(RemoteEvent.cancelled(id));
      return;
    }
    events.add(
        new RemoteEvent(
            id,
            false,
            text(event, Property.SUMMARY).orElse(UNTITLED),
            text(event, Property.DESCRIPTION).orElse(null),
            text(event, Property.LOCATION).orElse(null),
            from,
            to,
            start instanceof LocalDate,
            timeZone(event),
            is(event, Property.STATUS, "TENTATIVE")
                ? RemoteEvent.Status.TENTATIVE
                : RemoteEvent.Status.CONFIRMED,
            updated(event)));
  }

  /**
   * The instance's end: its start plus the event's length, which is {@code DURATION}, else {@code
   * DTEND} minus {@code DTSTART} (exact time, or days for dates), else a day for a date and nothing
   * for a time (RFC 5545, 3.6.1).
   */
  private Temporal end(VEvent event, Temporal start) {
    Optional<net.fortuna.ical4j.model.property.Duration> duration =
        event.getProperty(Property.DURATION);
    if (duration.isPresent()) {
      return start.plus(duration.get().getDuration());
    }
    Temporal eventStart = start(event);
    Optional<DateProperty<Temporal>> dtend = event.getProperty(Property.DTEND);
    TemporalAmount length;
    if (dtend.isPresent()
        && eventStart instanceof LocalDate first
        && dtend.get().getDate() instanceof LocalDate last) {
      length = java.time.Period.between(first, last);
    } else if (dtend.isPresent()) {
      length = Duration.between(times.instant(eventStart), times.instant(dtend.get().getDate()));
    } else {
      length = eventStart instanceof LocalDate ? java.time.Period.ofDays(1) : Duration.ZERO;
    }
    return start.plus(length);
  }

  private static Temporal start(VEvent event) {
    Optional<DateProperty<Temporal>> dtstart = event.getProperty(Property.DTSTART);
    return dtstart
        .map(DateProperty::getDate)
        .orElseThrow(() -> new InvalidFeedException("The event " + uid(event) + " has no DTSTART"));
  }

  /** The event's own {@code TZID}, else the zone its floating times and dates are read in. */
  private String timeZone(VEvent event) {
    Optional<DateProperty<Temporal>> dtstart = event.getProperty(Property.DTSTART);
    return dtstart
        .flatMap(start -> start.getParameter(Parameter.TZID))
        .map(tzid -> ((Parameter) tzid).getValue())
        .orElse(times.zone().getId());
  }

  private static Instant updated(VEvent event) {
    Optional<DateProperty<Temporal>> stamp = event.getProperty(Property.LAST_MODIFIED);
    if (stamp.isEmpty()) {
      stamp = event.getProperty(Property.DTSTAMP);
    }
    return stamp
        .map(property -> property.getDate() instanceof Instant instant ? instant : null)
        .orElse(null);
  }

  /**
   * The event's {@code UID}. RFC 5545 requires one, yet some exporters leave it out: such an event
   * gets an id derived from its start, end and summary, stable from sync to sync while those stay
   * (a changed one reads as the old event deleted and a new one added).
   */
  private static String uid(VEvent event) {
    return text(event, Property.UID).orElseGet(() -> derivedUid(event));
  }

  private static String derivedUid(VEvent event) {
    var identity =
        String.join(
            "\n",
            text(event, Property.DTSTART).orElse(""),
            text(event, Property.DTEND).orElse(""),
            text(event, Property.DURATION).orElse(""),
            text(event, Property.SUMMARY).orElse(""));
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(UTF_8));
      return "no-uid-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  private static boolean is(VEvent event, String property, String value) {
    return text(event, property).filter(value::equalsIgnoreCase).isPresent();
  }

  private static Optional<String> text(VEvent event, String property) {
    Optional<Property> found = event.getProperty(property);
    return found.map(Property::getValue).map(String::strip).filter(value -> !value.isEmpty());
  }
}
