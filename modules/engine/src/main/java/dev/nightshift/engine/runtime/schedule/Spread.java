package dev.nightshift.engine.runtime.schedule;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves a schedule's fire times by an offset derived from its external id, so that many schedules
 * with the same cron (every team's hourly sync) do not all fire at minute 0. The offset is a stable
 * hash of the external id (SHA-256, the same on every node, JVM and version) modulo the window, in
 * whole seconds. The window is the requested spread, cut down to the shortest gap between the
 * cadence's next {@value #SAMPLE} fire times, so that a spread time never passes the next one.
 */
final class Spread {

  static final int SAMPLE = 64;

  private Spread() {}

  /** The offset of a schedule; zero without an external id or with a window under a second. */
  static Duration offset(String externalId, Cadence cadence, Duration requested, Instant now) {
    if (externalId == null || requested.isZero()) {
      return Duration.ZERO;
    }
    return offset(externalId, window(cadence, requested, now));
  }

  /** The external id's place in the window, in whole seconds. */
  static Duration offset(String externalId, Duration window) {
    long seconds = window.toSeconds();
    if (seconds < 1) {
      return Duration.ZERO;
    }
    return Duration.ofSeconds(Long.remainderUnsigned(hash(externalId), seconds));
  }

  /** The requested window, cut down to the shortest gap between fire times after {@code now}. */
  static Duration window(Cadence cadence, Duration requested, Instant now) {
    var window = requested;
    var previous = cadence.next(now);
    for (int i = 0; i < SAMPLE && previous != null; i++) {
      var next = cadence.next(previous);
      if (next == null) {
        break;
      }
      var gap = Duration.between(previous, next);
      if (gap.compareTo(window) < 0) {
        window = gap;
      }
      previous = next;
    }
    return window;
  }

  private static long hash(String value) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
