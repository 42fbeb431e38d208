package dev.nightshift.inbox.corpus;

import dev.nightshift.inbox.corpus.Style.NumberStyle;
import dev.nightshift.inbox.extraction.text.vocabulary.Language;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The six languages' ways of writing invoices and receipts. */
final class Styles {

  static final Map<Language, Style> ALL =
      Map.of(
          Language.ENGLISH, english(),
          Language.GERMAN, german(),
          Language.FRENCH, french(),
          Language.SPANISH, spanish(),
          Language.SWEDISH, swedish(),
          Language.DUTCH, dutch());

  private Styles() {}

  private static Style english() {
    return new Style(
        Language.ENGLISH,
        Locale.UK,
        List.of("INVOICE", "Invoice", "TAX INVOICE"),
        List.of("RECEIPT", "Sales receipt"),
        List.of("Invoice number:", "Invoice No.", "Invoice #"),
        List.of("Receipt no.", "Receipt #"),
        List.of("Invoice date:", "Date:", "Date of issue:"),
        List.of("Due date:", "Payment due:", "Due by"),
        List.of("Delivery date:", "Order date:"),
        List.of("Bill to:", "Invoice to:", "Customer:"),
        List.of("Subtotal", "Net amount"),
        List.of("VAT %d%%", "Tax (%d%%)", "Sales tax %d%%"),
        List.of("Total", "Amount due", "Total due", "Balance due", "Grand total"),
        List.of("TOTAL", "Total"),
        List.of("Cash", "Change"),
        List.of("VAT No:", "Company No:"),
        List.of("Description", "Qty", "Unit price", "Amount"),
        List.of(
            "Consulting services",
            "Website hosting (annual)",
            "Office chairs",
            "Printer paper A4",
            "Software licence",
            "Travel expenses",
            "Design workshop",
            "Support plan"),
        List.of("Northwind", "Blue Harbor", "Redwood", "Silverline", "Oakridge", "Kestrel"),
        List.of("Traders", "Consulting", "Supplies", "Digital", "Logistics", "Studio"),
        List.of("Ltd", "Limited", "Inc.", "LLC", "PLC"),
        List.of("Corner Coffee", "The Green Grocer", "Station Books", "Harbour Deli"),
        List.of("12 High Street", "4 Market Lane", "221 Baker Street", "77 Queen's Road"),
        List.of("London EC1A 1BB", "Manchester M1 2AB", "Bristol BS1 4DJ", "Leeds LS1 3EX"),
        List.of(20, 5),
        List.of("GBP", "USD", "EUR"),
        NumberStyle.COMMA_THOUSANDS_DOT_DECIMAL,
        List.of("dd/MM/yyyy", "d MMMM yyyy", "yyyy-MM-dd", "d MMM yyyy"),
        List.of("MM/dd/yyyy", "MMMM d, yyyy"));
  }

  private static Style german() {
    return new Style(
        Language.GERMAN,
        Locale.GERMANY,
        List.of("RECHNUNG", "Rechnung"),
        List.of("Kassenbon", "Quittung"),
        List.of("Rechnungsnummer:", "Rechnungs-Nr.", "Rechnung Nr."),
        List.of("Bon-Nr.", "Belegnummer:"),
        List.of("Rechnungsdatum:", "Datum:"),
        List.of("Fällig am:", "Zahlbar bis:", "Fälligkeitsdatum:"),
        List.of("Lieferdatum:", "Leistungsdatum:"),
        List.of("Rechnungsempfänger:", "Kunde:", "Rechnungsadresse:"),
        List.of("Zwischensumme", "Nettobetrag"),
        List.of("zzgl. MwSt. %d%%", "USt. %d%%", "MwSt. %d %%"),
        List.of("Gesamtbetrag", "Rechnungsbetrag", "Zu zahlen", "Summe"),
        List.of("SUMME", "Zu zahlen"),
        List.of("Gegeben bar", "Rückgeld"),
        List.of("USt-IdNr.:", "Steuernummer:"),
        List.of("Bezeichnung", "Menge", "Einzelpreis", "Betrag"),
        List.of(
            "Wartung Heizungsanlage",
            "Büromaterial",
            "Beratung (Stunden)",
            "Montage",
            "Softwarelizenz",
            "Fahrtkosten",
            "Schulung",
            "Ersatzteile"),
        List.of("Müller", "Schröder", "Becker", "Weiß", "Hoffmann", "Krüger"),
        List.of("Haustechnik", "& Partner", "Bau", "Elektro", "Druckerei", "Logistik"),
        List.of("GmbH", "AG", "GmbH & Co. KG", "UG"),
        List.of(
            "Bäckerei Sonnenschein", "Café am Markt", "Kiosk Lindenplatz", "Buchhandlung Seite"),
        List.of("Hauptstraße 5", "Lindenweg 12", "Bahnhofstr. 3", "Am Markt 7"),
        List.of("10115 Berlin", "80331 München", "50667 Köln", "20095 Hamburg"),
        List.of(19, 7),
        List.of("EUR", "EUR", "CHF"),
        NumberStyle.DOT_THOUSANDS_COMMA_DECIMAL,
        List.of("dd.MM.yyyy", "d. MMMM yyyy", "yyyy-MM-dd"),
        List.of());
  }

  private static Style french() {
    return new Style(
        Language.FRENCH,
        Locale.FRANCE,
        List.of("FACTURE", "Facture"),
        List.of("Ticket de caisse", "Reçu"),
        List.of("Facture n°", "Numéro de facture :", "N° de facture :"),
        List.of("Ticket n°", "Reçu n°"),
        List.of("Date de facture :", "Date :", "Date d'émission :"),
        List.of("Date d'échéance :", "Échéance :", "À payer avant le"),
        List.of("Date de livraison :", "Date de commande :"),
        List.of("Facturé à :", "Client :", "Destinataire :"),
        List.of("Total HT", "Sous-total"),
        List.of("TVA %d %%", "TVA (%d%%)"),
        List.of("Total TTC", "Net à payer", "Montant dû", "Total à payer"),
        List.of("TOTAL TTC", "Total"),
        List.of("Espèces", "Rendu"),
        List.of("N° TVA intracom :", "SIRET :"),
        List.of("Désignation", "Qté", "Prix unitaire", "Montant"),
        List.of(
            "Prestation de conseil",
            "Fournitures de bureau",
            "Maintenance annuelle",
            "Frais de déplacement",
            "Formation",
            "Licence logiciel",
            "Pièces détachées"),
        List.of("Boulangerie", "Éditions", "Atelier", "Garage", "Cabinet", "Maison"),
        List.of("Dupain", "Lumière", "Martin", "Lefèvre", "Moreau", "Bellecour"),
        List.of("SARL", "SAS", "S.A.", "EURL"),
        List.of("Café de la Gare", "Boulangerie du Coin", "Librairie Voltaire", "Épicerie Fine"),
        List.of("12 rue de la Paix", "5 avenue Foch", "8 place Bellecour", "21 quai Voltaire"),
        List.of("75002 Paris", "69002 Lyon", "13001 Marseille", "33000 Bordeaux"),
        List.of(20, 10, 5),
        List.of("EUR"),
        NumberStyle.NBSP_THOUSANDS_COMMA_DECIMAL,
        List.of("dd/MM/yyyy", "d MMMM yyyy", "dd.MM.yyyy"),
        List.of());
  }

  private static Style spanish() {
    return new Style(
        Language.SPANISH,
        Locale.of("es", "ES"),
        List.of("FACTURA", "Factura"),
        List.of("Factura simplificada", "Ticket", "Recibo"),
        List.of("Número de factura:", "Factura nº", "Nº de factura:"),
        List.of("Ticket nº", "Nº ticket"),
        List.of("Fecha de factura:", "Fecha:", "Fecha de emisión:"),
        List.of("Fecha de vencimiento:", "Vencimiento:"),
        List.of("Fecha de entrega:", "Fecha de pedido:"),
        List.of("Cliente:", "Facturar a:", "Datos del cliente:"),
        List.of("Base imponible", "Subtotal"),
        List.of("IVA %d%%", "IVA (%d%%)", "Cuota IVA %d%%"),
        List.of("Total", "Importe total", "Total a pagar", "Total factura"),
        List.of("TOTAL", "Total a pagar"),
        List.of("Efectivo", "Cambio"),
        List.of("NIF:", "CIF:"),
        List.of("Concepto", "Cant.", "Precio", "Importe"),
        List.of(
            "Servicios de consultoría",
            "Material de oficina",
            "Mantenimiento",
            "Transporte",
            "Licencia de software",
            "Reparación",
            "Formación",
            "Diseño gráfico"),
        List.of("Construcciones", "Distribuciones", "Talleres", "Consultores", "Gráficas"),
        List.of("Ibéricas", "del Sur", "Peña", "Núñez", "Castilla", "Mediterráneo"),
        List.of("S.L.", "S.A.", "S.L.U."),
        List.of("Cafetería Sol", "Panadería La Espiga", "Librería Cervantes", "Bar Peña"),
        List.of("Calle Mayor 5", "Avenida de la Constitución 12", "Plaza España 3", "Calle Sol 8"),
        List.of("28013 Madrid", "08002 Barcelona", "41004 Sevilla", "46002 Valencia"),
        List.of(21, 10),
        List.of("EUR"),
        NumberStyle.DOT_THOUSANDS_COMMA_DECIMAL,
        List.of("dd/MM/yyyy", "d 'de' MMMM 'de' yyyy", "dd-MM-yyyy"),
        List.of());
  }

  private static Style swedish() {
    return new Style(
        Language.SWEDISH,
        Locale.of("sv", "SE"),
        List.of("FAKTURA", "Faktura"),
        List.of("KVITTO", "Kassakvitto"),
        List.of("Fakturanummer:", "Fakturanr", "Faktura nr"),
        List.of("Kvittonr", "Kvitto nr"),
        List.of("Fakturadatum:", "Datum:"),
        List.of("Förfallodatum:", "Förfallodag:", "Betalas senast"),
        List.of("Leveransdatum:", "Orderdatum:"),
        List.of("Kund:", "Fakturaadress:", "Mottagare:"),
        List.of("Delsumma", "Netto"),
        List.of("Moms %d%%", "Moms %d %%", "Varav moms %d%%"),
        List.of("Att betala", "Summa att betala", "Totalt att betala", "Totalbelopp"),
        List.of("TOTALT", "Att betala"),
        List.of("Kontant", "Växel"),
        List.of("Org.nr", "Momsreg.nr"),
        List.of("Beskrivning", "Antal", "À-pris", "Belopp"),
        List.of(
            "Konsulttjänster",
            "Kontorsmaterial",
            "Service värmepump",
            "Resekostnader",
            "Programlicens",
            "Utbildning",
            "Reservdelar",
            "Städning"),
        List.of("Nordljus", "Åkessons", "Fjällvind", "Skärgårds", "Björk", "Älvdalens"),
        List.of("Konsult", "Bygg", "Elektriska", "Trycksaker", "Transport", "Data"),
        List.of("AB", "HB"),
        List.of("ICA Nära Hornstull", "Pressbyrån", "Café Söder", "Bokhandeln Gamla Stan"),
        List.of("Storgatan 1", "Drottninggatan 55", "Kungsgatan 12", "Götgatan 7"),
        List.of("111 22 Stockholm", "411 03 Göteborg", "211 20 Malmö", "753 20 Uppsala"),
        List.of(25, 12, 6),
        List.of("SEK"),
        NumberStyle.SPACE_THOUSANDS_COMMA_DECIMAL,
        List.of("yyyy-MM-dd", "d MMMM yyyy"),
        List.of());
  }

  private static Style dutch() {
    return new Style(
        Language.DUTCH,
        Locale.of("nl", "NL"),
        List.of("FACTUUR", "Factuur"),
        List.of("Kassabon", "Kwitantie"),
        List.of("Factuurnummer:", "Factuurnr.", "Factuur nr."),
        List.of("Bonnummer:", "Bon nr."),
        List.of("Factuurdatum:", "Datum:"),
        List.of("Vervaldatum:", "Uiterste betaaldatum:"),
        List.of("Leverdatum:", "Besteldatum:"),
        List.of("Klant:", "Factuuradres:", "Aan:"),
        List.of("Subtotaal", "Totaal excl. BTW"),
        List.of("BTW %d%%", "BTW (%d%%)"),
        List.of("Totaal", "Te betalen", "Totaal incl. BTW", "Totaalbedrag"),
        List.of("TOTAAL", "Te betalen"),
        List.of("Contant", "Wisselgeld"),
        List.of("BTW-nummer:", "KvK:"),
        List.of("Omschrijving", "Aantal", "Prijs", "Bedrag"),
        List.of(
            "Advieswerkzaamheden",
            "Kantoorartikelen",
            "Onderhoud cv-ketel",
            "Reiskosten",
            "Softwarelicentie",
            "Training",
            "Onderdelen",
            "Schoonmaak"),
        List.of("De Vries", "Bakker", "Van Dijk", "Jansen", "Visser", "Smit"),
        List.of("Installatie", "Advies", "Bouw", "Drukwerk", "Transport", "Techniek"),
        List.of("B.V.", "BV", "N.V.", "VOF"),
        List.of("Bakkerij De Molen", "Café Het Plein", "Boekhandel Dam", "Albert's Versmarkt"),
        List.of("Kerkstraat 12", "Damrak 5", "Oudegracht 88", "Markt 3"),
        List.of("1012 AB Amsterdam", "3511 AL Utrecht", "2511 CV Den Haag", "3011 HE Rotterdam"),
        List.of(21, 9),
        List.of("EUR"),
        NumberStyle.DOT_THOUSANDS_COMMA_DECIMAL,
        List.of("dd-MM-yyyy", "d MMMM yyyy", "dd/MM/yyyy"),
        List.of());
  }
}
