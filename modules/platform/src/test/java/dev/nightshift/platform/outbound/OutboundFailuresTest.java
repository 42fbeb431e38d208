package dev.nightshift.platform.outbound;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.platform.outbound.OutboundException.Kind;
import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.junit.jupiter.api.Test;

/** Failures that a local test server cannot provoke, such as a connect timeout. */
class OutboundFailuresTest {

  private final OutboundConfig config = OutboundConfigs.of(Map.of());

  @Test
  void eachExceptionHasItsKind() {
    assertThat(
        kind(new ConnectTimeoutException("Connect timed out")), equalTo(Kind.CONNECT_TIMEOUT));
    assertThat(
        kind(new HttpHostConnectException("Connection refused")), equalTo(Kind.CONNECT_FAILED));
    assertThat(kind(new NoRouteToHostException("No route")), equalTo(Kind.CONNECT_FAILED));
    assertThat(kind(new UnknownHostException("nowhere.test")), equalTo(Kind.UNKNOWN_HOST));
    assertThat(kind(new SSLHandshakeException("PKIX path building failed")), equalTo(Kind.TLS));
    assertThat(kind(new SocketTimeoutException("Read timed out")), equalTo(Kind.READ_TIMEOUT));
    assertThat(kind(new SocketException("Connection reset")), equalTo(Kind.IO));
  }

  @Test
  void pastTheDeadlineAnyFailureIsTheCallTimeout() {
    var e = OutboundFailures.of(new SocketException("Socket closed"), "slow.test", true, config);

    assertThat(e.kind(), equalTo(Kind.CALL_TIMEOUT));
    assertThat(e.getMessage(), containsString("slow.test: no complete answer within 30s"));
  }

  @Test
  void theMessageNamesTheHostAndTheSetting() {
    var e =
        OutboundFailures.of(new ConnectTimeoutException("timed out"), "far.test", false, config);

    assertThat(
        e.getMessage(), containsString("Outbound HTTP to far.test: no connection within 5s"));
  }

  private Kind kind(IOException e) {
    return OutboundFailures.of(e, "host.test", false, config).kind();
  }
}
