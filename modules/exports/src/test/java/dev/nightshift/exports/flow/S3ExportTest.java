package dev.nightshift.exports.flow;

import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** Exports into a vault in an S3 bucket, uploaded in parts. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3ProxyTestResource.class)
class S3ExportTest extends ExportContract {

  @Override
  List<String> unfinishedWrites() {
    try (var s3 = S3ProxyTestResource.client()) {
      return s3
          .listMultipartUploads(list -> list.bucket(S3ProxyTestResource.BUCKET))
          .uploads()
          .stream()
          .map(MultipartUpload::key)
          .toList();
    }
  }
}
