package dev.nightshift.app.demo;

import dev.nightshift.calendar.provider.ics.DemoFeed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Serves the bundled demo calendar as an ICS feed, with an ETag, so the demo's calendar connection
 * goes through the same fetch, conditional request and import as any other feed. Only in the demo.
 */
@Path("/demo/calendar.ics")
public class DemoCalendarFeed {

  private static final byte[] FEED = DemoFeed.bytes();
  private static final EntityTag ETAG = new EntityTag(checksum(FEED));

  private final DemoConfig config;

  DemoCalendarFeed(DemoConfig config) {
    this.config = config;
  }

  @GET
  public Response feed(Request request) {
    if (!config.enabled()) {
      throw new NotFoundException();
    }
    var unchanged = request.evaluatePreconditions(ETAG);
    if (unchanged != null) {
      return unchanged.build();
    }
    return Response.ok(FEED, "text/calendar; charset=utf-8").tag(ETAG).build();
  }

  private static String checksum(byte[] bytes) {
    var crc = new CRC32();
    crc.update(bytes);
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }
}
