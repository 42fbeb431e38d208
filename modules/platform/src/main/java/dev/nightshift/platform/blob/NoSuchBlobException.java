package dev.nightshift.platform.blob;

import java.io.IOException;

/** No blob has the key, or the key is not a blob key at all; or no vault file is at the path. */
public class NoSuchBlobException extends IOException {

  public NoSuchBlobException(String key) {
    this("blob with key", key);
  }

  private NoSuchBlobException(String what, String name) {
    super("No " + what + " " + BlobKey.printable(name));
  }

  static NoSuchBlobException inVault(String path) {
    return new NoSuchBlobException("vault file at", path);
  }
}
