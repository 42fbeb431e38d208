package dev.nightshift.calendar.remote;

import dev.nightshift.calendar.provider.CalendarProvider;
import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.provider.EventPage;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.provider.RemoteCalendar;
import dev.nightshift.calendar.provider.RemoteEvent;
import dev.nightshift.calendar.provider.SyncTokenExpiredException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Google Calendar as the sync sees it, in memory: accounts with OAuth grants, calendars whose every
 * change bumps a version, sync tokens that name a version and expire (410) when told to, pages of
 * at most {@code pageSize} events, cancelled events in both listings (showDeleted=true). An access
 * token that is unknown or expired is refused, as Google answers 401. Thread-safe.
 */
public final class FakeGoogle implements CalendarProvider, OAuthTokens {

  private final Map<String, Account> byRefresh = new ConcurrentHashMap<>();
  private final Map<String, Account> byAccess = new ConcurrentHashMap<>();

  @Override
  public ProviderName name() {
    return ProviderName.GOOGLE;
  }

  /** A new account with one primary calendar; its tokens are valid for an hour. */
  public Account newAccount() {
    var account = new Account("user-" + UUID.randomUUID() + "@example.com");
    account.refreshToken = "1//refresh-" + UUID.randomUUID();
    account.issue(Instant.now().plus(Duration.ofHours(1)));
    byRefresh.put(account.refreshToken, account);
    byAccess.put(account.accessToken, account);
    account.addCalendar(account.email, true);
    return account;
  }

  @Override
  public synchronized Grant refresh(String refreshToken) {
    var account = byRefresh.get(refreshToken);
    if (account == null || account.revoked) {
      throw new ConnectionRevokedException("invalid_grant: Token has been expired or revoked.");
    }
    account.refreshes++;
    byAccess.remove(account.accessToken);
    account.issue(Instant.now().plus(Duration.ofHours(1)));
    byAccess.put(account.accessToken, account);
    String rotated = null;
    if (account.rotateRefreshToken) {
      byRefresh.remove(account.refreshToken);
      account.refreshToken = "1//refresh-" + UUID.randomUUID();
      byRefresh.put(account.refreshToken, account);
      rotated = account.refreshToken;
    }
    return new Grant(account.accessToken, account.accessExpiresAt, rotated);
  }

  @Override
  public List<RemoteCalendar> calendars(ProviderAccess access) {
    var account = authorised(access);
    account.calls.incrementAndGet();
    return account.calendars.stream()
        .map(c -> new RemoteCalendar(c.id, c.name, "Europe/Berlin", "owner", c.primary))
        .toList();
  }

  @Override
  public EventPage events(ProviderAccess access, EventQuery query) {
    var account = authorised(access);
    account.calls.incrementAndGet();
    var calendar =
        account.calendars.stream()
            .filter(c -> c.id.equals(query.calendarExternalId()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("404 Not Found: calendar"));
    return calendar.page(query);
  }

  private Account authorised(ProviderAccess access) {
    if (!(access instanceof ProviderAccess.OAuth(var token))) {
      throw new IllegalStateException("Google needs OAuth, got " + access.getClass());
    }
    var account = byAccess.get(token);
    if (account == null || !account.accessExpiresAt.isAfter(Instant.now())) {
      throw new IllegalStateException("401 Unauthorized: Invalid Credentials");
    }
    return account;
  }

  /** A Google account and its OAuth grant. */
  public static final class Account {
    public final String email;
    public final List<Calendar> calendars = new CopyOnWriteArrayList<>();
    public final AtomicInteger calls = new AtomicInteger();
    public volatile String accessToken;
    public volatile Instant accessExpiresAt;
    public volatile String refreshToken;
    public volatile boolean revoked;
    public volatile boolean rotateRefreshToken;
    public volatile int refreshes;

    Account(String email) {
      this.email = email;
    }

    void issue(Instant expiresAt) {
      accessToken = "ya29." + UUID.randomUUID();
      accessExpiresAt = expiresAt;
    }

    public Calendar addCalendar(String name, boolean primary) {
      var calendar = new Calendar(primary ? email : UUID.randomUUID() + "@group.calendar", name);
      calendar.primary = primary;
      calendars.add(calendar);
      return calendar;
    }

    public Calendar primary() {
      return calendars.getFirst();
    }
  }

  /** One calendar: its events with the version that last changed each. */
  public static final class Calendar {
    public final String id;
    public final String name;
    boolean primary;
    private final Map<String, Entry> events = new ConcurrentHashMap<>();
    private int version;
    private int oldestValidToken;
    public volatile int pageSize = 2500;

    /** Fails the call that would serve this page (1-based) once; 0 never. */
    public volatile int failPage;

    /** Each listing call lasts this long, so that overlapping syncs would meet. */
    public volatile Duration callTime = Duration.ZERO;

    private int inFlight;
    private int maxInFlight;

    Calendar(String id, String name) {
      this.id = id;
      this.name = name;
    }

    private record Entry(RemoteEvent event, int version) {}

    /** Adds or changes an event. */
    public synchronized void put(RemoteEvent event) {
      events.put(event.externalId(), new Entry(event, ++version));
    }

    /** A timed event of an hour, starting {@code start}. */
    public void put(String id, String title, Instant start) {
      put(
          new RemoteEvent(
              id,
              false,
              title,
              null,
              null,
              start,
              start.plus(Duration.ofHours(1)),
              false,
              "Europe/Berlin",
              RemoteEvent.Status.CONFIRMED,
              Instant.now()));
    }

    /** Deletes an event: Google keeps it as cancelled, carrying only its id. */
    public synchronized void cancel(String id) {
      events.put(id, new Entry(RemoteEvent.cancelled(id), ++version));
    }

    /** Every sync token issued so far is now unknown (410 Gone). */
    public synchronized void expireTokens() {
      oldestValidToken = version + 1;
    }

    public synchronized int maxInFlight() {
      return maxInFlight;
    }

    EventPage page(EventQuery query) {
      enter();
      try {
        return list(query);
      } finally {
        leave();
      }
    }

    private synchronized EventPage list(EventQuery query) {
      int offset = query.pageToken() == null ? 0 : Integer.parseInt(query.pageToken());
      int pageNumber = offset / pageSize + 1;
      if (failPage == pageNumber) {
        failPage = 0;
        throw new IllegalStateException("503 Service Unavailable: backendError");
      }
      List<RemoteEvent> matching = new ArrayList<>();
      if (query.incremental()) {
        int since = Integer.parseInt(query.syncToken().substring(1));
        if (since < oldestValidToken) {
          throw new SyncTokenExpiredException("410 Gone: fullSyncRequired");
        }
        events.values().stream()
            .filter(e -> e.version > since)
            .sorted(Comparator.comparingInt(Entry::version))
            .forEach(e -> matching.add(e.event));
      } else {
        events.values().stream()
            .map(Entry::event)
            .filter(e -> e.cancelled() || overlaps(e, query.timeMin(), query.timeMax()))
            .sorted(Comparator.comparing(RemoteEvent::externalId))
            .forEach(matching::add);
      }
      int end = Math.min(matching.size(), offset + pageSize);
      var items = matching.subList(Math.min(offset, matching.size()), end);
      boolean last = end >= matching.size();
      return new EventPage(
          items, last ? null : String.valueOf(end), last ? "v" + version : null, false, false);
    }

    private static boolean overlaps(RemoteEvent e, Instant min, Instant max) {
      return e.start().isBefore(max) && e.end().isAfter(min);
    }

    private void enter() {
      synchronized (this) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
      }
      if (!callTime.isZero()) {
        try {
          Thread.sleep(callTime);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private synchronized void leave() {
      inFlight--;
    }
  }
}
