package dev.nightshift.inbox.extraction.text.vocabulary;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

final class Swedish {

  static final Vocabulary VOCABULARY =
      new Vocabulary(
          Language.SWEDISH,
          Map.ofEntries(
              entry(
                  Term.STRONG_TOTAL,
                  List.of(
                      "att betala",
                      "totalt att betala",
                      "summa att betala",
                      "belopp att betala",
                      "totalbelopp",
                      "fakturabelopp")),
              entry(Term.TOTAL, List.of("^summa", "^totalt", "^total")),
              entry(
                  Term.NOT_TOTAL,
                  List.of(
                      "delsumma",
                      "netto",
                      "exkl",
                      "exklusive",
                      "kontant",
                      "växel",
                      "erhållet",
                      "öresavrundning")),
              entry(Term.INCLUSIVE, List.of("inkl", "inklusive")),
              entry(Term.TAX, List.of("moms", "mervärdesskatt")),
              entry(
                  Term.TAX_ID,
                  List.of(
                      "momsreg",
                      "momsregistreringsnummer",
                      "org.nr",
                      "org nr",
                      "organisationsnummer",
                      "f-skatt")),
              entry(Term.INVOICE_DATE, List.of("fakturadatum", "kvittodatum", "^datum")),
              entry(
                  Term.DUE_DATE,
                  List.of(
                      "förfallodatum",
                      "förfallodag",
                      "förfaller",
                      "betalas senast",
                      "sista betalningsdag")),
              entry(
                  Term.OTHER_DATE,
                  List.of("leveransdatum", "orderdatum", "beställningsdatum", "period")),
              entry(
                  Term.INVOICE_NUMBER,
                  List.of(
                      "fakturanummer",
                      "fakturanr",
                      "faktura nr",
                      "kvittonummer",
                      "kvitto nr",
                      "kvittonr")),
              entry(Term.FROM, List.of("från", "avsändare", "säljare", "leverantör")),
              entry(
                  Term.CUSTOMER, List.of("fakturaadress", "mottagare", "köpare", "^kund", "^till")),
              entry(Term.INVOICE_WORD, List.of("faktura")),
              entry(Term.RECEIPT_WORD, List.of("kvitto", "kassakvitto")),
              entry(Term.OTHER_WORD, List.of("offert", "följesedel", "orderbekräftelse"))),
          Vocabulary.months(
              List.of(
                  List.of("januari", "jan"),
                  List.of("februari", "feb"),
                  List.of("mars", "mar"),
                  List.of("april", "apr"),
                  List.of("maj"),
                  List.of("juni", "jun"),
                  List.of("juli", "jul"),
                  List.of("augusti", "aug"),
                  List.of("september", "sep", "sept"),
                  List.of("oktober", "okt"),
                  List.of("november", "nov"),
                  List.of("december", "dec"))));

  private Swedish() {}
}
