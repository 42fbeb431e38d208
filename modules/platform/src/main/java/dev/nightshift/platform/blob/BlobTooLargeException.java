package dev.nightshift.platform.blob;

import java.io.IOException;

/** A put whose content passed its limit; nothing of it was stored. */
public class BlobTooLargeException extends IOException {

  private final long limit;

  public BlobTooLargeException(long limit) {
    super("The content is larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  /** The largest size that the put accepted, in bytes. */
  public long limit() {
    return limit;
  }
}
