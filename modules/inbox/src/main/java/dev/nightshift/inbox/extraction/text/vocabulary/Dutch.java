package dev.nightshift.inbox.extraction.text.vocabulary;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

final class Dutch {

  static final Vocabulary VOCABULARY =
      new Vocabulary(
          Language.DUTCH,
          Map.ofEntries(
              entry(
                  Term.STRONG_TOTAL,
                  List.of(
                      "te betalen",
                      "totaal te betalen",
                      "totaalbedrag",
                      "factuurbedrag",
                      "eindtotaal",
                      "openstaand bedrag")),
              entry(Term.TOTAL, List.of("^totaal", "^total")),
              entry(
                  Term.NOT_TOTAL,
                  List.of(
                      "subtotaal", "excl", "exclusief", "netto", "contant", "wisselgeld", "terug")),
              entry(Term.INCLUSIVE, List.of("incl", "inclusief")),
              entry(Term.TAX, List.of("btw", "omzetbelasting")),
              entry(
                  Term.TAX_ID,
                  List.of(
                      "btw-nummer",
                      "btw nr",
                      "btw-nr",
                      "btw-id",
                      "btw id",
                      "btw-identificatienummer",
                      "kvk",
                      "kvk-nummer")),
              entry(Term.INVOICE_DATE, List.of("factuurdatum", "datum factuur", "^datum")),
              entry(
                  Term.DUE_DATE,
                  List.of(
                      "vervaldatum",
                      "vervaldag",
                      "uiterste betaaldatum",
                      "te betalen voor",
                      "betalen vóór")),
              entry(Term.OTHER_DATE, List.of("leverdatum", "orderdatum", "besteldatum", "periode")),
              entry(
                  Term.INVOICE_NUMBER,
                  List.of(
                      "factuurnummer",
                      "factuurnr",
                      "factuur nr",
                      "factuur nummer",
                      "kassabonnummer",
                      "bonnummer",
                      "bon nr",
                      "bonnr")),
              entry(Term.FROM, List.of("van", "leverancier", "verkoper", "afzender")),
              entry(
                  Term.CUSTOMER,
                  List.of("factuuradres", "afnemer", "klantgegevens", "^klant", "^aan")),
              entry(Term.INVOICE_WORD, List.of("factuur")),
              entry(Term.RECEIPT_WORD, List.of("kassabon", "kwitantie", "kassaticket", "bon")),
              entry(Term.OTHER_WORD, List.of("offerte", "pakbon", "orderbevestiging"))),
          Vocabulary.months(
              List.of(
                  List.of("januari", "jan"),
                  List.of("februari", "feb"),
                  List.of("maart", "mrt"),
                  List.of("april", "apr"),
                  List.of("mei"),
                  List.of("juni", "jun"),
                  List.of("juli", "jul"),
                  List.of("augustus", "aug"),
                  List.of("september", "sep", "sept"),
                  List.of("oktober", "okt"),
                  List.of("november", "nov"),
                  List.of("december", "dec"))));

  private Dutch() {}
}
