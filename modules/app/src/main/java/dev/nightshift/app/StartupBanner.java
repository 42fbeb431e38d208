package dev.nightshift.app;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

/** Tells whoever started Nightshift where to find it, once the HTTP server listens. */
@ApplicationScoped
class StartupBanner {

  private static final Logger LOG = Logger.getLogger(StartupBanner.class);

  void onStart(@ObservesAsync HttpServerStart start) {
    String base = "http://localhost:" + start.options().getPort();
    LOG.infof(
        """
        Nightshift is running:
          API         %1$s/api/v1
          OpenAPI UI  %1$s/q/swagger-ui
          OpenAPI     %1$s/q/openapi
          Health      %1$s/q/health
          Metrics     %1$s/q/metrics""",
        base);
  }
}
