package dev.nightshift.platform.api;

import dev.nightshift.platform.config.PlatformConfig;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Answers 413 as soon as a JSON body passes {@code nightshift.api.max-body-size}, whether or not it
 * declared its length: the body is counted as it is read, never buffered whole. Upload endpoints,
 * which take other media types, set their own limits.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

  // Providers are built while the application initialises, before runtime configuration exists.
  private final Instance<PlatformConfig> config;

  BodySizeLimit(Instance<PlatformConfig> config) {
    this.config = config;
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
      long max = config.get().api().maxBodySize().asLongValue();
      context.setInputStream(new Bounded(context.getInputStream(), max));
    }
    return context.proceed();
  }

  private static final class Bounded extends FilterInputStream {

    private final long max;
    private long read;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw new ProblemException(
            Problem.of(
                Status.REQUEST_ENTITY_TOO_LARGE,
                "body-too-large",
                "The body is larger than the " + max + " bytes this endpoint accepts."));
      }
    }
  }
}
