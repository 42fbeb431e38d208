package dev.nightshift.platform.outbound;

import dev.nightshift.platform.outbound.OutboundException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/** Names what went wrong in a failed call, from the exception the client threw. */
final class OutboundFailures {

  private OutboundFailures() {}

  static OutboundException of(
      IOException e, String host, boolean deadlinePassed, OutboundConfig config) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GuardedDnsResolver.Refused refused) {
        return refused.reason;
      }
    }
    // After the deadline the client sees its own connection closed under it, in any of several
    // exceptions; the deadline is the cause.
    if (deadlinePassed) {
      return failed(
          Kind.CALL_TIMEOUT, host, "no complete answer within " + seconds(config.callTimeout()), e);
    }
    if (e instanceof ConnectTimeoutException) {
      return failed(
          Kind.CONNECT_TIMEOUT,
          host,
          "no connection within " + seconds(config.connectTimeout()) + " (" + e.getMessage() + ")",
          e);
    }
    if (e instanceof UnknownHostException) {
      return failed(Kind.UNKNOWN_HOST, host, "the name does not resolve", e);
    }
    if (e instanceof SSLException) {
      return failed(Kind.TLS, host, "TLS failed: " + e.getMessage(), e);
    }
    if (e instanceof SocketTimeoutException) {
      return failed(
          Kind.READ_TIMEOUT, host, "nothing received for " + seconds(config.readTimeout()), e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return failed(Kind.CONNECT_FAILED, host, "could not connect: " + e.getMessage(), e);
    }
    return failed(Kind.IO, host, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }

  private static OutboundException failed(Kind kind, String host, String what, IOException e) {
    return OutboundException.failed(kind, host, "Outbound HTTP to " + host + ": " + what, e);
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }
}
