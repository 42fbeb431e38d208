package dev.nightshift.exports.archive;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.zip.Deflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentCompressionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/pdf|0",
        "Application/PDF; name=invoice.pdf|0",
        "image/jpeg|0",
        "image/png|0",
        "image/heic|0",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|0",
        "application/zip|0",
        "image/tiff|1",
        "image/svg+xml|1",
        "application/xml|1",
        "text/xml|1",
        "text/plain|1",
        "application/octet-stream|1",
      })
  void documentsThatCarryTheirOwnCompressionAreStored(String contentType, int level) {
    assertThat(AttachmentCompression.levelFor(contentType), equalTo(level));
  }

  @ParameterizedTest
  @CsvSource(value = {"''", "' '"})
  void anUnknownTypeIsDeflated(String contentType) {
    assertThat(AttachmentCompression.levelFor(contentType), equalTo(Deflater.BEST_SPEED));
    assertThat(AttachmentCompression.levelFor(null), equalTo(Deflater.BEST_SPEED));
  }
}
