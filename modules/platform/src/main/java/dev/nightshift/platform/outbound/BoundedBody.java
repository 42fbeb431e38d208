package dev.nightshift.platform.outbound;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/** The first bytes of a response body, and whether there were more. */
record BoundedBody(byte[] bytes, boolean truncated) {

  private static final byte[] NONE = new byte[0];

  /**
   * Reads at most {@code max} bytes. The stream is not closed: closing it would read the rest of
   * the body to keep the connection, which is what a bound must not do.
   */
  static BoundedBody read(HttpEntity entity, int max) throws IOException {
    if (entity == null) {
      return new BoundedBody(NONE, false);
    }
    InputStream in = entity.getContent();
    byte[] bytes = in.readNBytes(max);
    boolean truncated = bytes.length == max && (entity.getContentLength() > max || in.read() != -1);
    return new BoundedBody(bytes, truncated);
  }
}
