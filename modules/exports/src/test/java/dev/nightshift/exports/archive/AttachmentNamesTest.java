package dev.nightshift.exports.archive;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AttachmentNamesTest {

  private static final BigDecimal OUT = new BigDecimal("-12.50");
  private static final BigDecimal IN = new BigDecimal("99.00");

  @Test
  void theFolderFollowsTheSignAndTheRowMakesTheNameUnique() {
    assertThat(
        AttachmentNames.of(OUT, "invoice.pdf", "application/pdf", 7, 0),
        equalTo("attachments/expense/invoice-7.pdf"));
    assertThat(
        AttachmentNames.of(IN, "invoice.pdf", "application/pdf", 8, 0),
        equalTo("attachments/income/invoice-8.pdf"));
    assertThat(
        AttachmentNames.of(OUT, "invoice.pdf", "application/pdf", 7, 1),
        equalTo("attachments/expense/invoice-7_2.pdf"));
  }

  @Test
  void unsafeCharactersAndPathsNeverLeaveTheFolder() {
    assertThat(
        AttachmentNames.of(OUT, "../../etc/pass wd.PDF", "application/pdf", 1, 0),
        equalTo("attachments/expense/pass_wd-1.pdf"));
    assertThat(
        AttachmentNames.of(OUT, "Rechnung März.pdf", "application/pdf", 2, 0),
        equalTo("attachments/expense/Rechnung_M_rz-2.pdf"));
  }

  @Test
  void theExtensionComesFromTheTypeWhenTheNameHasNone() {
    assertThat(
        AttachmentNames.of(OUT, "scan", "image/jpeg", 3, 0),
        equalTo("attachments/expense/scan-3.jpg"));
    assertThat(
        AttachmentNames.of(OUT, "", "application/octet-stream", 4, 0),
        equalTo("attachments/expense/attachment-4.bin"));
  }
}
