package dev.nightshift.calendar.provider.ics;

import dev.nightshift.calendar.provider.CalendarProvider;
import dev.nightshift.calendar.provider.EventPage;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.provider.RemoteCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;

/**
 * An ICS feed as a calendar provider: one calendar ({@link CalendarProvider#FEED}), read whole on
 * every sync.
 *
 * <p>Every query needs {@code timeMin} and {@code timeMax}, incremental ones too: a feed has no
 * notion of changes, so a changed feed is listed again within the window, one page, as a {@link
 * EventPage#snapshot() snapshot}. The sync token holds the feed's HTTP validators ({@link
 * Validators}); given back, the fetch is conditional and a 304 is {@link EventPage#unchanged}.
 *
 * <p>Floating times and all-day dates are read in the feed's {@code X-WR-TIMEZONE}, else in {@code
 * nightshift.calendar.ics.default-time-zone}.
 *
 * <p>Errors: {@link InvalidFeedException} (non-retryable) for what asking again cannot fix; {@link
 * FeedUnavailableException} or the engine's {@code RetryLaterException} for what it may.
 */
@ApplicationScoped
public class IcsProvider implements CalendarProvider {

  private final FeedClient client;
  private final IcsConfig config;

  IcsProvider(FeedClient client, IcsConfig config) {
    this.client = client;
    this.config = config;
  }

  @Override
  public ProviderName name() {
    return ProviderName.ICS;
  }

  @Override
  public List<RemoteCalendar> calendars(ProviderAccess access) {
    URI url = feedUrl(access);
    Calendar calendar = FeedParser.parse(client.fetch(url, Validators.NONE).body(), url.getHost());
    return List.of(
        new RemoteCalendar(
            FEED,
            header(calendar, "X-WR-CALNAME").orElse(url.getHost()),
            header(calendar, "X-WR-TIMEZONE").orElse(null),
            "reader",
            true));
  }

  @Override
  public EventPage events(ProviderAccess access, EventQuery query) {
    if (query.timeMin() == null || query.timeMax() == null) {
      throw new IllegalArgumentException(
          "An ICS feed is listed within a window on every query, incremental ones too:"
              + " give timeMin and timeMax");
    }
    URI url = feedUrl(access);
    Validators known = query.incremental() ? Validators.of(query.syncToken()) : Validators.NONE;
    FeedClient.Fetched fetched = client.fetch(url, known);
    if (fetched.notModified()) {
      return EventPage.unchanged(query.syncToken());
    }
    Calendar calendar = FeedParser.parse(fetched.body(), url.getHost());
    var times = new Temporals(zoneOf(calendar));
    var events =
        FeedEvents.within(calendar, times, query.timeMin(), query.timeMax(), config.maxEvents());
    return new EventPage(events, null, fetched.validators().token(), true, false);
  }

  private ZoneId zoneOf(Calendar calendar) {
    try {
      return header(calendar, "X-WR-TIMEZONE").map(ZoneId::of).orElse(config.defaultTimeZone());
    } catch (DateTimeException unknownZone) {
      return config.defaultTimeZone();
    }
  }

  private static Optional<String> header(Calendar calendar, String name) {
    Optional<Property> property = calendar.getProperty(name);
    return property.map(Property::getValue).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static URI feedUrl(ProviderAccess access) {
    if (access instanceof ProviderAccess.Feed feed) {
      return feed.url();
    }
    throw new IllegalArgumentException("The ICS provider reads feeds, not " + access);
  }
}
