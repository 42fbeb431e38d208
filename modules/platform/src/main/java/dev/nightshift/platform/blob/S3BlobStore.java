package dev.nightshift.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects {@code <prefix><key>} in one bucket of S3 or an S3-compatible server. A put
 * spools the content to a temporary file first, because the key is the content's hash and must be
 * known before the upload starts; content already in the bucket is not uploaded again. The client
 * belongs to the {@link S3Bucket}, which the vault shares.
 */
final class S3BlobStore implements BlobStore {

  private final S3Bucket bucket;
  private final Path spoolDir;

  S3BlobStore(S3Bucket bucket, Path spoolDir) {
    this.bucket = bucket;
    this.spoolDir = spoolDir;
  }

  @Override
  public StoredBlob put(InputStream content, long maxBytes) throws IOException {
    // Not forced to disk: the file only feeds the upload, and a crash loses nothing stored.
    var spooled = SpooledBlob.spool(content, maxBytes, spoolDir, false);
    try {
      if (!exists(spooled.key())) {
        // A concurrent put of the same content may upload it too; the last identical copy wins.
        bucket
            .s3()
            .putObject(
                put ->
                    put.bucket(bucket.name())
                        .key(bucket.prefix() + spooled.key())
                        .contentLength(spooled.size())
                        .contentType("application/octet-stream"),
                RequestBody.fromFile(spooled.file()));
      }
      return new StoredBlob(spooled.key(), spooled.size());
    } catch (SdkException e) {
      throw bucket.failed("store blob " + spooled.key(), e);
    } finally {
      Files.deleteIfExists(spooled.file());
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    if (!BlobKey.isValid(key)) {
      throw new NoSuchBlobException(key);
    }
    try {
      return bucket.s3().getObject(get -> get.bucket(bucket.name()).key(bucket.prefix() + key));
    } catch (NoSuchKeyException e) {
      throw new NoSuchBlobException(key);
    } catch (SdkException e) {
      throw bucket.failed("read blob " + key, e);
    }
  }

  @Override
  public boolean exists(String key) throws IOException {
    if (!BlobKey.isValid(key)) {
      return false;
    }
    try {
      bucket.s3().headObject(head -> head.bucket(bucket.name()).key(bucket.prefix() + key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      // A HEAD response has no body, so some servers' 404 arrives without the NoSuchKey code.
      if (e.statusCode() == 404) {
        return false;
      }
      throw bucket.failed("look up blob " + key, e);
    } catch (SdkException e) {
      throw bucket.failed("look up blob " + key, e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    if (!BlobKey.isValid(key)) {
      return;
    }
    try {
      bucket.s3().deleteObject(delete -> delete.bucket(bucket.name()).key(bucket.prefix() + key));
    } catch (SdkException e) {
      throw bucket.failed("delete blob " + key, e);
    }
  }
}
