package dev.nightshift.platform.blob;

import java.io.IOException;

/** No blob has the key, or the key is not a blob key at all. */
public class NoSuchBlobException extends IOException {

  public NoSuchBlobException(String key) {
    super("No blob with key " + BlobKey.printable(key));
  }
}
