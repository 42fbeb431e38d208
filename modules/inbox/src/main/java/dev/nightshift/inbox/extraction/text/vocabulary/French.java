package dev.nightshift.inbox.extraction.text.vocabulary;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

final class French {

  static final Vocabulary VOCABULARY =
      new Vocabulary(
          Language.FRENCH,
          Map.ofEntries(
              entry(
                  Term.STRONG_TOTAL,
                  List.of(
                      "net à payer",
                      "montant dû",
                      "total ttc",
                      "montant ttc",
                      "reste à payer",
                      "montant à payer",
                      "total à payer",
                      "somme due")),
              entry(Term.TOTAL, List.of("^total", "^montant total")),
              entry(
                  Term.NOT_TOTAL,
                  List.of(
                      "sous-total",
                      "sous total",
                      "ht",
                      "hors taxes",
                      "hors taxe",
                      "rendu",
                      "espèces")),
              entry(
                  Term.INCLUSIVE,
                  List.of("ttc", "toutes taxes comprises", "tva incluse", "tva comprise")),
              entry(Term.TAX, List.of("tva")),
              entry(
                  Term.TAX_ID,
                  List.of(
                      "n° tva",
                      "numéro de tva",
                      "tva intracommunautaire",
                      "tva intracom",
                      "identifiant tva",
                      "siret",
                      "siren",
                      "rcs")),
              entry(
                  Term.INVOICE_DATE,
                  List.of(
                      "date de facture",
                      "date de facturation",
                      "date d'émission",
                      "émise le",
                      "^date")),
              entry(
                  Term.DUE_DATE,
                  List.of(
                      "date d'échéance",
                      "échéance",
                      "à payer avant le",
                      "payable avant le",
                      "à régler avant le",
                      "date limite de paiement")),
              entry(
                  Term.OTHER_DATE,
                  List.of(
                      "date de livraison", "date de commande", "date de prestation", "période")),
              entry(
                  Term.INVOICE_NUMBER,
                  List.of(
                      "numéro de facture",
                      "n° de facture",
                      "no de facture",
                      "facture n°",
                      "facture no",
                      "facture nº",
                      "n° facture",
                      "numéro de reçu",
                      "reçu n°",
                      "ticket n°",
                      "n° de ticket")),
              entry(Term.FROM, List.of("de", "émetteur", "vendeur", "fournisseur")),
              entry(
                  Term.CUSTOMER,
                  List.of("facturé à", "facturer à", "adressé à", "destinataire", "^client")),
              entry(Term.INVOICE_WORD, List.of("facture")),
              entry(Term.RECEIPT_WORD, List.of("reçu", "ticket de caisse", "ticket")),
              entry(
                  Term.OTHER_WORD,
                  List.of(
                      "devis", "bon de livraison", "bon de commande", "proforma", "pro forma"))),
          Vocabulary.months(
              List.of(
                  List.of("janvier", "janv"),
                  List.of("février", "févr", "fév", "fevrier"),
                  List.of("mars"),
                  List.of("avril", "avr"),
                  List.of("mai"),
                  List.of("juin"),
                  List.of("juillet", "juil"),
                  List.of("août", "aout"),
                  List.of("septembre", "sept"),
                  List.of("octobre", "oct"),
                  List.of("novembre", "nov"),
                  List.of("décembre", "déc", "decembre"))));

  private French() {}
}
