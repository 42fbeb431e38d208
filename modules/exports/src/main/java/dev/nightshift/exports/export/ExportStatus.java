package dev.nightshift.exports.export;

/**
 * Where an export stands. QUEUED until its run starts, RUNNING while the archive is written, then
 * COMPLETED (the archive is in the vault), FAILED (the run failed for good) or CANCELED; a
 * completed export becomes EXPIRED when its archive is deleted after the retention period.
 */
public enum ExportStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELED,
  EXPIRED;

  /** True once nothing will change the export's archive any more. */
  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }
}
