package dev.nightshift.inbox.extraction.text.vocabulary;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

final class Spanish {

  static final Vocabulary VOCABULARY =
      new Vocabulary(
          Language.SPANISH,
          Map.ofEntries(
              entry(
                  Term.STRONG_TOTAL,
                  List.of(
                      "importe total",
                      "total a pagar",
                      "importe a pagar",
                      "total factura",
                      "total importe",
                      "a pagar")),
              entry(Term.TOTAL, List.of("^total")),
              entry(
                  Term.NOT_TOTAL,
                  List.of(
                      "subtotal",
                      "base imponible",
                      "sin iva",
                      "neto",
                      "importe neto",
                      "entregado",
                      "cambio",
                      "efectivo")),
              entry(
                  Term.INCLUSIVE,
                  List.of("iva incluido", "iva incl", "con iva", "impuestos incluidos")),
              entry(Term.TAX, List.of("iva", "cuota iva", "igic", "^impuesto")),
              entry(Term.TAX_ID, List.of("nif", "cif", "n.i.f", "c.i.f", "nif/cif")),
              entry(
                  Term.INVOICE_DATE,
                  List.of(
                      "fecha de factura",
                      "fecha factura",
                      "fecha de emisión",
                      "fecha de expedición",
                      "^fecha")),
              entry(
                  Term.DUE_DATE,
                  List.of(
                      "fecha de vencimiento",
                      "vencimiento",
                      "fecha límite de pago",
                      "pagar antes del")),
              entry(
                  Term.OTHER_DATE,
                  List.of("fecha de entrega", "fecha de pedido", "fecha de operación", "periodo")),
              entry(
                  Term.INVOICE_NUMBER,
                  List.of(
                      "número de factura",
                      "nº de factura",
                      "n.º de factura",
                      "no. de factura",
                      "factura nº",
                      "factura n.º",
                      "factura no",
                      "factura núm",
                      "núm. factura",
                      "nº factura",
                      "número de recibo",
                      "ticket nº",
                      "nº ticket",
                      // OCR reads the ordinal º as a degree sign.
                      "factura n°",
                      "n° de factura",
                      "n° factura",
                      "ticket n°")),
              entry(Term.FROM, List.of("de", "emisor", "proveedor", "vendedor")),
              entry(
                  Term.CUSTOMER,
                  List.of("facturar a", "datos del cliente", "destinatario", "^cliente")),
              entry(Term.INVOICE_WORD, List.of("factura")),
              entry(Term.RECEIPT_WORD, List.of("recibo", "ticket", "factura simplificada")),
              entry(Term.OTHER_WORD, List.of("presupuesto", "albarán", "proforma"))),
          Vocabulary.months(
              List.of(
                  List.of("enero", "ene"),
                  List.of("febrero", "feb"),
                  List.of("marzo", "mar"),
                  List.of("abril", "abr"),
                  List.of("mayo", "may"),
                  List.of("junio", "jun"),
                  List.of("julio", "jul"),
                  List.of("agosto", "ago"),
                  List.of("septiembre", "setiembre", "sep", "sept", "set"),
                  List.of("octubre", "oct"),
                  List.of("noviembre", "nov"),
                  List.of("diciembre", "dic"))));

  private Spanish() {}
}
