package dev.nightshift.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Vault files as objects {@code <prefix>vault/<path>} in the blobs' bucket. A writer uploads the
 * file in parts as it is written ({@link S3VaultWriter}); an object appears only whole, when its
 * upload completes. Creating a path again aborts the multipart uploads still open for its key,
 * which is what crashed writers leave.
 *
 * <p>The credentials need, beyond what the blob store needs, {@code s3:ListBucketMultipartUploads}
 * and {@code s3:AbortMultipartUpload}.
 */
final class S3Vault implements Vault {

  private final S3Bucket bucket;
  private final int partSize;

  S3Vault(S3Bucket bucket, int partSize) {
    this.bucket = bucket;
    this.partSize = partSize;
  }

  @Override
  public VaultWriter create(String path) throws IOException {
    String key = key(path);
    try {
      // The listing is by prefix: "a.zip" also finds "a.zip.old", which is not ours to abort.
      var uploads =
          bucket
              .s3()
              .listMultipartUploadsPaginator(list -> list.bucket(bucket.name()).prefix(key))
              .uploads();
      for (MultipartUpload upload : uploads) {
        if (upload.key().equals(key)) {
          abort(key, upload.uploadId());
        }
      }
    } catch (SdkException e) {
      throw bucket.failed("discard unfinished uploads of vault file " + path, e);
    }
    return new S3VaultWriter(bucket, path, key, partSize);
  }

  @Override
  public InputStream open(String path) throws IOException {
    String key = key(path);
    try {
      return bucket.s3().getObject(get -> get.bucket(bucket.name()).key(key));
    } catch (NoSuchKeyException e) {
      throw NoSuchBlobException.inVault(path);
    } catch (SdkException e) {
      throw bucket.failed("read vault file " + path, e);
    }
  }

  @Override
  public OptionalLong size(String path) throws IOException {
    String key = key(path);
    try {
      var head = bucket.s3().headObject(get -> get.bucket(bucket.name()).key(key));
      return OptionalLong.of(head.contentLength());
    } catch (NoSuchKeyException e) {
      return OptionalLong.empty();
    } catch (S3Exception e) {
      // A HEAD response has no body, so some servers' 404 arrives without the NoSuchKey code.
      if (e.statusCode() == 404) {
        return OptionalLong.empty();
      }
      throw bucket.failed("look up vault file " + path, e);
    } catch (SdkException e) {
      throw bucket.failed("look up vault file " + path, e);
    }
  }

  @Override
  public void delete(String path) throws IOException {
    String key = key(path);
    try {
      bucket.s3().deleteObject(delete -> delete.bucket(bucket.name()).key(key));
    } catch (SdkException e) {
      throw bucket.failed("delete vault file " + path, e);
    }
  }

  private void abort(String key, String uploadId) {
    try {
      bucket
          .s3()
          .abortMultipartUpload(abort -> abort.bucket(bucket.name()).key(key).uploadId(uploadId));
    } catch (NoSuchUploadException e) {
      // Aborted meanwhile by another node's create of the same path.
    }
  }

  private String key(String path) {
    return bucket.prefix() + "vault/" + VaultPath.check(path);
  }
}
