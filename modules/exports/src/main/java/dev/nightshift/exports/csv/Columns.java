package dev.nightshift.exports.csv;

import java.util.List;

/** The CSV's header, in order; modules/exports/README.md says what each column holds. */
public final class Columns {

  public static final List<String> HEADER =
      List.of(
          "ID",
          "Date",
          "Description",
          "Additional info",
          "Amount",
          "Currency",
          "Formatted amount",
          "From / To",
          "Merchant",
          "Category",
          "Method",
          "Status",
          "Balance",
          "Account",
          "Note",
          "Attachments",
          "Missing attachments");

  private Columns() {}
}
