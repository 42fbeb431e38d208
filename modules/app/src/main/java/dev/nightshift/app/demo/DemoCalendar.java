package dev.nightshift.app.demo;

import dev.nightshift.calendar.connection.Connecting;
import dev.nightshift.calendar.connection.ConnectionStore;
import dev.nightshift.calendar.connection.NewConnection;
import dev.nightshift.calendar.scheduling.DailyBlock;
import dev.nightshift.calendar.scheduling.WorkingHours;
import dev.nightshift.calendar.scheduling.store.WorkingHoursStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The demo team's calendar: working hours (weekdays 09:00–12:30 and 13:30–17:30, Berlin) so that
 * schedule-tasks has somewhere to place tasks, and an ICS connection to the bundled feed that
 * {@link DemoCalendarFeed} serves. Idempotent, like the rest of the demo data.
 */
@ApplicationScoped
class DemoCalendar {

  private static final Logger LOG = Logger.getLogger(DemoCalendar.class);
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final int ATTEMPTS = 30;
  private static final Duration PAUSE = Duration.ofSeconds(1);

  private final DemoConfig config;
  private final WorkingHoursStore workingHours;
  private final ConnectionStore connections;
  private final Connecting connecting;

  DemoCalendar(
      DemoConfig config,
      WorkingHoursStore workingHours,
      ConnectionStore connections,
      Connecting connecting) {
    this.config = config;
    this.workingHours = workingHours;
    this.connections = connections;
    this.connecting = connecting;
  }

  void seed(UUID team) {
    if (workingHours.find(team).isEmpty()) {
      workingHours.save(team, officeHours());
    }
    if (connections.activeOf(team).isEmpty()) {
      // Connecting reads the feed, which this very application serves once its HTTP server
      // listens: that is after start-up observers like this one have run.
      Thread.ofVirtual().name("demo-calendar").start(() -> connect(team));
    }
  }

  private void connect(UUID team) {
    var feed = new NewConnection.Feed("Team calendar (demo)", config.calendarFeedUrl());
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        var connected = connecting.connect(team, feed);
        LOG.infof(
            "Demo calendar connected (%s); its first sync is run %s",
            connected.connection().id(), connected.syncRunId());
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          LOG.warnf(e, "The demo calendar could not be connected to %s", feed.url());
          return;
        }
        try {
          Thread.sleep(PAUSE);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static WorkingHours officeHours() {
    var day =
        List.of(new DailyBlock(9 * 60, 12 * 60 + 30), new DailyBlock(13 * 60 + 30, 17 * 60 + 30));
    var week = new EnumMap<DayOfWeek, List<DailyBlock>>(DayOfWeek.class);
    for (var weekday :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(weekday, day);
    }
    return new WorkingHours(ZONE, week);
  }
}
