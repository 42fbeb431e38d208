package dev.nightshift.platform.outbound;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The Apache HttpClient behind {@link OutboundHttp}, and why each of its settings is what it is.
 */
final class PooledClient {

  private PooledClient() {}

  static CloseableHttpClient build(OutboundConfig config, DnsResolver resolver) {
    Timeout read = Timeout.of(config.readTimeout());
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            // Every connection goes through the guard's resolver. No proxy is configured (the
            // builders read no system properties), since a proxy would resolve names itself.
            .setDnsResolver(resolver)
            .setMaxConnTotal(config.maxConnections())
            .setMaxConnPerRoute(config.maxConnectionsPerHost())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(config.connectTimeout()))
                    .setSocketTimeout(read)
                    .build())
            // The default TLS strategy checks the certificate against the URL's host name and
            // sends it as SNI: the URL is never rewritten to an address.
            .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(read).build())
            .build();
    return HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setResponseTimeout(read)
                .setConnectionRequestTimeout(Timeout.of(config.callTimeout()))
                .setAuthenticationEnabled(false)
                .setContentCompressionEnabled(false)
                .build())
        // A redirect could point anywhere, the metadata endpoint included: the caller gets the
        // 3xx instead.
        .disableRedirectHandling()
        // Retrying is the caller's decision: a POST may not be safe to send twice.
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        // Bodies are returned as sent, so maxResponseBytes counts bytes on the wire.
        .disableContentCompression()
        .setUserAgent("Nightshift")
        .evictIdleConnections(TimeValue.ofMinutes(1))
        .build();
  }
}
