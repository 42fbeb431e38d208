package dev.nightshift.exports.export;

/**
 * How far an export's archive got.
 *
 * @param rows CSV rows written
 * @param attachments files packed
 * @param missingAttachments files listed in the CSV that could not be read
 * @param bytes archive bytes written
 */
public record Progress(long rows, int attachments, int missingAttachments, long bytes) {}
