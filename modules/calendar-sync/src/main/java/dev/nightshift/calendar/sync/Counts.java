package dev.nightshift.calendar.sync;

/**
 * What a sync did, summed over calendars.
 *
 * @param skipped events the provider reported that cannot be stored (no times, end not after start)
 * @param pages pages of events read
 * @param apiCalls calls to the provider's calendar API
 * @param fellBack an incremental sync found a calendar's token missing or expired and listed the
 *     window instead
 */
public record Counts(
    int calendars,
    int inserted,
    int updated,
    int deleted,
    int skipped,
    int pages,
    int apiCalls,
    boolean fellBack) {

  static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, false);

  Counts plus(Counts o) {
    return new Counts(
        calendars + o.calendars,
        inserted + o.inserted,
        updated + o.updated,
        deleted + o.deleted,
        skipped + o.skipped,
        pages + o.pages,
        apiCalls + o.apiCalls,
        fellBack || o.fellBack);
  }
}
