package dev.nightshift.exports.export;

/**
 * How an export's CSV is written, as checked and completed by the request: every field is set.
 *
 * @param delimiter one of {@code , ; | \t}
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern for dates
 * @param locale a BCP 47 language tag for the formatted amounts ({@code en-US}, {@code de-DE})
 * @param includeAttachments pack each transaction's documents beside the CSV
 * @param byteOrderMark start the CSV with a UTF-8 byte-order mark, which older spreadsheet apps
 *     need to read UTF-8
 */
public record ExportOptions(
    char delimiter,
    String dateFormat,
    String locale,
    boolean includeAttachments,
    boolean byteOrderMark) {}
