package dev.nightshift.platform.problem;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.platform.blob.BlobTooLargeException;
import org.junit.jupiter.api.Test;

class BlobTooLargeMappingTest {

  @Test
  void anUploadPastItsBlobLimitIs413() {
    var response = new ProblemExceptionMappers().blobTooLarge(new BlobTooLargeException(1024));

    var problem = (Problem) response.getEntity();
    assertThat(response.getStatus(), equalTo(413));
    assertThat(problem.type(), equalTo("urn:nightshift:problem:body-too-large"));
    assertThat(
        problem.detail(),
        equalTo("The content is larger than the 1024 bytes this endpoint accepts."));
  }
}
