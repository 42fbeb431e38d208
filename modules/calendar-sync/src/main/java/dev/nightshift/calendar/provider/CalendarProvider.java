package dev.nightshift.calendar.provider;

import java.util.List;

/**
 * Where a connection's events come from. The sync tasks speak only to this interface, so Google's
 * sync tokens and an ICS feed's validators look the same to them: an opaque token that, given back,
 * asks for what changed since.
 */
public interface CalendarProvider {

  ProviderName name();

  /** The calendars the connection can see. An ICS feed has exactly one, {@link #FEED}. */
  List<RemoteCalendar> calendars(ProviderAccess access);

  /**
   * One page of events. With a sync token, only what changed since it; without one, everything in
   * the query's window.
   *
   * @throws SyncTokenExpiredException the provider no longer knows the token (Google's 410 Gone)
   * @throws ConnectionRevokedException the provider refuses the connection's credentials for good
   */
  EventPage events(ProviderAccess access, EventQuery query);

  /** The external id of an ICS feed's one calendar. */
  String FEED = "feed";
}
