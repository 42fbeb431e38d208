package dev.nightshift.calendar.remote;

import dev.nightshift.calendar.provider.CalendarProvider;
import dev.nightshift.calendar.provider.EventPage;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.provider.RemoteCalendar;
import dev.nightshift.calendar.provider.RemoteEvent;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ICS feeds as the sync sees them: each answer lists every event of the window (a snapshot), its
 * token is the feed's ETag, and a request with the current ETag gets "not modified" (304).
 */
public final class FakeFeeds implements CalendarProvider {

  private final Map<URI, Feed> feeds = new ConcurrentHashMap<>();

  @Override
  public ProviderName name() {
    return ProviderName.ICS;
  }

  public Feed feed(URI url) {
    return feeds.computeIfAbsent(url, u -> new Feed());
  }

  @Override
  public List<RemoteCalendar> calendars(ProviderAccess access) {
    feedOf(access);
    return List.of(new RemoteCalendar(FEED, "Feed", null, "reader", true));
  }

  @Override
  public EventPage events(ProviderAccess access, EventQuery query) {
    return feedOf(access).page(query);
  }

  private Feed feedOf(ProviderAccess access) {
    if (!(access instanceof ProviderAccess.Feed(var url)) || !feeds.containsKey(url)) {
      throw new IllegalStateException("404 Not Found: no feed at " + access);
    }
    return feeds.get(url);
  }

  /** One feed: what it serves now. */
  public static final class Feed {
    private final Map<String, RemoteEvent> events = new ConcurrentHashMap<>();
    private int version;

    public synchronized void put(RemoteEvent event) {
      events.put(event.externalId(), event);
      version++;
    }

    public synchronized void remove(String id) {
      events.remove(id);
      version++;
    }

    synchronized EventPage page(EventQuery query) {
      var etag = "\"etag-" + version + "\"";
      if (etag.equals(query.syncToken())) {
        return EventPage.unchanged(etag);
      }
      var all =
          events.values().stream()
              .filter(e -> e.start().isBefore(query.timeMax()) && e.end().isAfter(query.timeMin()))
              .sorted(Comparator.comparing(RemoteEvent::externalId))
              .toList();
      return new EventPage(all, null, etag, true, false);
    }
  }
}
