package dev.nightshift.inbox.extraction.text.vocabulary;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

final class German {

  static final Vocabulary VOCABULARY =
      new Vocabulary(
          Language.GERMAN,
          Map.ofEntries(
              entry(
                  Term.STRONG_TOTAL,
                  List.of(
                      "gesamtbetrag",
                      "rechnungsbetrag",
                      "zu zahlen",
                      "zahlbetrag",
                      "endbetrag",
                      "bruttobetrag",
                      "gesamtsumme",
                      "rechnungssumme",
                      "summe brutto")),
              entry(Term.TOTAL, List.of("^summe", "^gesamt", "^betrag")),
              entry(
                  Term.NOT_TOTAL,
                  List.of(
                      "zwischensumme",
                      "netto",
                      "nettobetrag",
                      "exkl",
                      "gegeben",
                      "rückgeld",
                      "bar")),
              entry(Term.INCLUSIVE, List.of("inkl", "inklusive", "brutto", "enthaltene")),
              entry(Term.TAX, List.of("mwst", "ust", "umsatzsteuer", "mehrwertsteuer", "^steuer")),
              entry(
                  Term.TAX_ID,
                  List.of(
                      "ust-idnr",
                      "ust-id",
                      "ust.-id",
                      "ust-id-nr",
                      "idnr",
                      "steuernummer",
                      "steuer-nr",
                      "st.-nr",
                      "handelsregister",
                      "hrb")),
              entry(
                  Term.INVOICE_DATE,
                  List.of("rechnungsdatum", "belegdatum", "ausstellungsdatum", "^datum", "^vom")),
              entry(
                  Term.DUE_DATE,
                  List.of(
                      "fällig am",
                      "fälligkeitsdatum",
                      "fällig bis",
                      "zahlbar bis",
                      "zahlungsziel",
                      "^fällig")),
              entry(
                  Term.OTHER_DATE,
                  List.of(
                      "lieferdatum",
                      "leistungsdatum",
                      "leistungszeitraum",
                      "bestelldatum",
                      "auftragsdatum")),
              entry(
                  Term.INVOICE_NUMBER,
                  List.of(
                      "rechnungsnummer",
                      "rechnungs-nr",
                      "rechnung nr",
                      "rechnungsnr",
                      "re-nr",
                      "belegnummer",
                      "beleg-nr",
                      "bon-nr",
                      "bonnummer",
                      "quittungsnummer")),
              entry(Term.FROM, List.of("von", "absender", "rechnungssteller", "verkäufer")),
              entry(
                  Term.CUSTOMER,
                  List.of(
                      "rechnungsempfänger",
                      "rechnungsadresse",
                      "lieferadresse",
                      "empfänger",
                      "^kunde",
                      "^an")),
              entry(Term.INVOICE_WORD, List.of("rechnung")),
              entry(
                  Term.RECEIPT_WORD,
                  List.of("quittung", "kassenbon", "kassenbeleg", "kassenzettel")),
              entry(
                  Term.OTHER_WORD,
                  List.of("angebot", "kostenvoranschlag", "lieferschein", "auftragsbestätigung"))),
          Vocabulary.months(
              List.of(
                  List.of("januar", "jan", "jänner"),
                  List.of("februar", "feb"),
                  List.of("märz", "mär", "maerz"),
                  List.of("april", "apr"),
                  List.of("mai"),
                  List.of("juni", "jun"),
                  List.of("juli", "jul"),
                  List.of("august", "aug"),
                  List.of("september", "sep", "sept"),
                  List.of("oktober", "okt"),
                  List.of("november", "nov"),
                  List.of("dezember", "dez"))));

  private German() {}
}
