package dev.nightshift.inbox.extraction.text.vocabulary;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

final class English {

  static final Vocabulary VOCABULARY =
      new Vocabulary(
          Language.ENGLISH,
          Map.ofEntries(
              entry(
                  Term.STRONG_TOTAL,
                  List.of(
                      "amount due",
                      "total due",
                      "balance due",
                      "amount payable",
                      "grand total",
                      "invoice total",
                      "total amount",
                      "total to pay",
                      "please pay")),
              entry(Term.TOTAL, List.of("^total")),
              entry(
                  Term.NOT_TOTAL,
                  List.of(
                      "subtotal",
                      "sub-total",
                      "sub total",
                      "net amount",
                      "net total",
                      "total net",
                      "excl",
                      "excluding",
                      "before tax",
                      "amount paid",
                      "total paid",
                      "change",
                      "cash",
                      "tendered")),
              entry(Term.INCLUSIVE, List.of("incl", "including", "inc. vat", "inc vat")),
              entry(Term.TAX, List.of("vat", "tax", "sales tax", "gst")),
              entry(
                  Term.TAX_ID,
                  List.of(
                      "vat no",
                      "vat number",
                      "vat id",
                      "vat reg",
                      "vat registration",
                      "tax id",
                      "tax number",
                      "company no",
                      "company number")),
              entry(
                  Term.INVOICE_DATE,
                  List.of(
                      "invoice date",
                      "date of issue",
                      "issue date",
                      "receipt date",
                      "^date",
                      "^dated")),
              entry(
                  Term.DUE_DATE,
                  List.of("due date", "payment due", "due by", "due on", "pay by", "^due")),
              entry(
                  Term.OTHER_DATE,
                  List.of(
                      "delivery date",
                      "order date",
                      "service date",
                      "ship date",
                      "shipped",
                      "period")),
              entry(
                  Term.INVOICE_NUMBER,
                  List.of(
                      "invoice number",
                      "invoice no",
                      "invoice #",
                      "invoice nr",
                      "invoice id",
                      "inv no",
                      "receipt number",
                      "receipt no",
                      "receipt #")),
              entry(Term.FROM, List.of("from", "issued by", "seller", "supplier", "vendor")),
              entry(
                  Term.CUSTOMER,
                  List.of(
                      "bill to",
                      "billed to",
                      "invoice to",
                      "sold to",
                      "ship to",
                      "deliver to",
                      "^customer",
                      "^client",
                      "^to")),
              entry(Term.INVOICE_WORD, List.of("invoice", "tax invoice")),
              entry(Term.RECEIPT_WORD, List.of("receipt", "sales receipt", "till receipt")),
              entry(
                  Term.OTHER_WORD,
                  List.of(
                      "quote",
                      "quotation",
                      "estimate",
                      "delivery note",
                      "order confirmation",
                      "purchase order",
                      "pro forma",
                      "proforma"))),
          Vocabulary.months(
              List.of(
                  List.of("january", "jan"),
                  List.of("february", "feb"),
                  List.of("march", "mar"),
                  List.of("april", "apr"),
                  List.of("may"),
                  List.of("june", "jun"),
                  List.of("july", "jul"),
                  List.of("august", "aug"),
                  List.of("september", "sep", "sept"),
                  List.of("october", "oct"),
                  List.of("november", "nov"),
                  List.of("december", "dec"))));

  private English() {}
}
