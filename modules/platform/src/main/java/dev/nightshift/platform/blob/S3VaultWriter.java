package dev.nightshift.platform.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * Uploads a vault file as it is written, holding at most one part in memory. Bytes fill the part;
 * when more arrive for a full part, it is uploaded ({@code UploadPart}, the first one starting a
 * multipart upload). The commit uploads the last part and completes the upload, which makes the
 * object appear whole; a file of at most one part is a single {@code PutObject} instead. Discarding
 * aborts the upload, and S3 drops its parts.
 */
final class S3VaultWriter extends AbstractVaultWriter {

  /** S3 numbers a multipart upload's parts from 1 to 10,000. */
  private static final int MAX_PARTS = 10_000;

  private static final String CONTENT_TYPE = "application/octet-stream";

  private final S3Bucket bucket;
  private final String key;
  private final byte[] part;
  private final List<CompletedPart> parts = new ArrayList<>();
  private int filled;
  private String uploadId;

  S3VaultWriter(S3Bucket bucket, String path, String key, int partSize) {
    super(path);
    this.bucket = bucket;
    this.key = key;
    this.part = new byte[partSize];
  }

  @Override
  void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      // Uploaded only once more bytes come, so the commit always has a last part to send.
      if (filled == part.length) {
        uploadPart();
      }
      int n = Math.min(length, part.length - filled);
      System.arraycopy(bytes, offset, part, filled, n);
      filled += n;
      offset += n;
      length -= n;
    }
  }

  @Override
  void store() throws IOException {
    if (uploadId == null) {
      try {
        bucket
            .s3()
            .putObject(
                put ->
                    put.bucket(bucket.name())
                        .key(key)
                        .contentLength((long) filled)
                        .contentType(CONTENT_TYPE),
                body());
      } catch (SdkException e) {
        throw bucket.failed("store vault file " + path, e);
      }
      return;
    }
    uploadPart();
    try {
      bucket
          .s3()
          .completeMultipartUpload(
              complete ->
                  complete
                      .bucket(bucket.name())
                      .key(key)
                      .uploadId(uploadId)
                      .multipartUpload(upload -> upload.parts(parts)));
    } catch (SdkException e) {
      throw bucket.failed("complete the upload of vault file " + path, e);
    }
  }

  @Override
  void discard() throws IOException {
    if (uploadId == null) {
      return;
    }
    try {
      bucket
          .s3()
          .abortMultipartUpload(abort -> abort.bucket(bucket.name()).key(key).uploadId(uploadId));
    } catch (NoSuchUploadException e) {
      // Already aborted by a later create of the same path.
    } catch (SdkException e) {
      throw bucket.failed("abort the upload of vault file " + path, e);
    }
  }

  private void uploadPart() throws IOException {
    int number = parts.size() + 1;
    if (number > MAX_PARTS) {
      throw new IOException(
          "Vault file "
              + path
              + " needs more than "
              + MAX_PARTS
              + " parts of "
              + part.length
              + " bytes: raise nightshift.blobs.s3.part-size");
    }
    try {
      if (uploadId == null) {
        uploadId =
            bucket
                .s3()
                .createMultipartUpload(
                    create -> create.bucket(bucket.name()).key(key).contentType(CONTENT_TYPE))
                .uploadId();
      }
      var uploaded =
          bucket
              .s3()
              .uploadPart(
                  upload ->
                      upload
                          .bucket(bucket.name())
                          .key(key)
                          .uploadId(uploadId)
                          .partNumber(number)
                          .contentLength((long) filled),
                  body());
      parts.add(CompletedPart.builder().partNumber(number).eTag(uploaded.eTag()).build());
      filled = 0;
    } catch (SdkException e) {
      throw bucket.failed("upload part " + number + " of vault file " + path, e);
    }
  }

  /** The part's own buffer, read afresh by every attempt of the request: no copy of it is made. */
  private RequestBody body() {
    byte[] bytes = part;
    int length = filled;
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(bytes, 0, length), length, CONTENT_TYPE);
  }
}
