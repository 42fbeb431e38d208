package dev.nightshift.inbox.extraction.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.Extraction;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceTextParserTest {

  private final InvoiceTextParser parser = new InvoiceTextParser("pdf-text", 1.0);

  @Test
  void english() {
    var result =
        parser.parse(
            """
            Northwind Traders Ltd
            12 High Street, London EC1A 1BB
            VAT No: GB123456789
            INVOICE
            Bill to:
            Contoso Inc.
            1 Main Road
            Invoice number: INV-2024-0042
            Invoice date: 15 March 2024
            Delivery date: 10 March 2024
            Due date: 14 April 2024
            Consulting 10 h 120.00 1,200.00
            Subtotal £1,200.00
            VAT 20% £240.00
            Total £1,440.00
            """);
    assertEquals(DocumentKind.INVOICE, result.kind().value());
    assertEquals(new BigDecimal("1440.00"), result.total().value());
    assertEquals("GBP", result.currency().value());
    assertEquals(LocalDate.of(2024, 3, 15), result.invoiceDate().value());
    assertEquals(LocalDate.of(2024, 4, 14), result.dueDate().value());
    assertEquals("INV-2024-0042", result.invoiceNumber().value());
    assertEquals("Northwind Traders Ltd", result.vendor().value());
    assertEquals(new BigDecimal("240.00"), result.taxAmount().value());
    assertEquals("pdf-text:total-label", result.total().source());
  }

  @Test
  void americanDatesWithDollars() {
    var result =
        parser.parse(
            """
            Invoice
            From: Blue Harbor LLC
            Invoice # 10045
            Date: 03/04/2024
            Payment due: 04/03/2024
            Sales tax 8.25
            Amount due $1,108.25
            """);
    assertEquals("USD", result.currency().value());
    assertEquals(LocalDate.of(2024, 3, 4), result.invoiceDate().value());
    assertEquals(LocalDate.of(2024, 4, 3), result.dueDate().value());
    assertEquals(new BigDecimal("1108.25"), result.total().value());
    assertEquals("Blue Harbor LLC", result.vendor().value());
    assertEquals("pdf-text:vendor-from-label", result.vendor().source());
    assertEquals("10045", result.invoiceNumber().value());
  }

  @Test
  void german() {
    var result =
        parser.parse(
            """
            Müller & Söhne GmbH · Hauptstraße 5 · 10115 Berlin
            Rechnungsempfänger
            Schulz AG
            Lindenweg 2
            RECHNUNG
            Rechnungsnummer: RE-2024-117
            Rechnungsdatum: 05.02.2024
            Leistungsdatum: 31.01.2024
            Zahlbar bis 19.02.2024
            Zwischensumme 1.000,00 €
            zzgl. MwSt. 19 % 190,00 €
            Gesamtbetrag 1.190,00 €
            USt-IdNr. DE123456789
            """);
    assertEquals(DocumentKind.INVOICE, result.kind().value());
    assertEquals(new BigDecimal("1190.00"), result.total().value());
    assertEquals("EUR", result.currency().value());
    assertEquals(LocalDate.of(2024, 2, 5), result.invoiceDate().value());
    assertEquals(LocalDate.of(2024, 2, 19), result.dueDate().value());
    assertEquals("RE-2024-117", result.invoiceNumber().value());
    assertEquals("Müller & Söhne GmbH", result.vendor().value());
    assertEquals(new BigDecimal("190.00"), result.taxAmount().value());
  }

  @Test
  void germanTaxLineIsReadEvenWithZzgl() {
    var result = parser.parse("Rechnung\nzzgl. MwSt. 19 % 190,00 €\nZu zahlen 1.190,00 €");
    assertEquals(new BigDecimal("190.00"), result.taxAmount().value());
  }

  @Test
  void french() {
    var result =
        parser.parse(
            """
            Boulangerie Dupain SARL
            FACTURE
            Facturé à : Martin SAS
            Facture n° FA-00123
            Date de facture : 1er mars 2024
            Date d'échéance : 31/03/2024
            Total HT 1 000,00 €
            TVA 20 % 200,00 €
            Total TTC 1\u202F200,00 €
            N° TVA intracom : FR12345678901
            """);
    assertEquals(new BigDecimal("1200.00"), result.total().value());
    assertEquals("EUR", result.currency().value());
    assertEquals(LocalDate.of(2024, 3, 1), result.invoiceDate().value());
    assertEquals(LocalDate.of(2024, 3, 31), result.dueDate().value());
    assertEquals("FA-00123", result.invoiceNumber().value());
    assertEquals("Boulangerie Dupain SARL", result.vendor().value());
    assertEquals(new BigDecimal("200.00"), result.taxAmount().value());
  }

  @Test
  void spanishReceiptIsAFacturaSimplificada() {
    var result =
        parser.parse(
            """
            Cafetería Sol S.L.
            NIF B12345678
            FACTURA SIMPLIFICADA
            Ticket nº 4711
            Fecha: 15/03/2024
            2 Café con leche 3,00
            1 Tostada 2,50
            Base imponible 4,55
            IVA 10% 0,45
            TOTAL 5,50 EUR
            Efectivo 10,00
            Cambio 4,50
            """);
    assertEquals(DocumentKind.RECEIPT, result.kind().value());
    assertEquals(new BigDecimal("5.50"), result.total().value());
    assertEquals("EUR", result.currency().value());
    assertEquals(LocalDate.of(2024, 3, 15), result.invoiceDate().value());
    assertNull(result.dueDate());
    assertEquals("4711", result.invoiceNumber().value());
    assertEquals("Cafetería Sol S.L.", result.vendor().value());
    assertEquals(new BigDecimal("0.45"), result.taxAmount().value());
  }

  @Test
  void spanishInvoice() {
    var result =
        parser.parse(
            """
            Factura
            Construcciones Ibéricas S.A.
            Número de factura: F-2024/118
            Fecha de factura: 15 de marzo de 2024
            Fecha de vencimiento: 14/04/2024
            Importe total: 2.420,00 €
            """);
    assertEquals(new BigDecimal("2420.00"), result.total().value());
    assertEquals(LocalDate.of(2024, 3, 15), result.invoiceDate().value());
    assertEquals(LocalDate.of(2024, 4, 14), result.dueDate().value());
    assertEquals("F-2024/118", result.invoiceNumber().value());
    assertEquals("Construcciones Ibéricas S.A.", result.vendor().value());
  }

  @Test
  void swedish() {
    var result =
        parser.parse(
            """
            Nordljus Konsult AB
            Org.nr 556677-8899
            FAKTURA
            Kund: Åkesson Bygg HB
            Fakturanummer 20240315
            Fakturadatum 2024-03-15
            Förfallodatum 2024-04-14
            Delsumma 8 000,00 kr
            Moms 25 % 2 000,00 kr
            Att betala 10 000,00 kr
            """);
    assertEquals(new BigDecimal("10000.00"), result.total().value());
    assertEquals("SEK", result.currency().value());
    assertEquals("pdf-text:currency-symbol", result.currency().source());
    assertEquals(LocalDate.of(2024, 3, 15), result.invoiceDate().value());
    assertEquals(LocalDate.of(2024, 4, 14), result.dueDate().value());
    assertEquals("20240315", result.invoiceNumber().value());
    assertEquals("Nordljus Konsult AB", result.vendor().value());
    assertEquals(new BigDecimal("2000.00"), result.taxAmount().value());
  }

  @Test
  void krIsNorwegianWhenTheDocumentSaysNok() {
    var result = parser.parse("Faktura\nBeløp i NOK\nAtt betala 1 250,00 kr");
    assertEquals("NOK", result.currency().value());
  }

  @Test
  void dutch() {
    var result =
        parser.parse(
            """
            FACTUUR
            Van: De Vries Installatie B.V.
            Klant: Jansen Bouw
            Factuurnummer: 2024-0815
            Factuurdatum: 15-03-2024
            Vervaldatum: 14-04-2024
            Subtotaal € 500,00
            BTW 21% € 105,00
            Totaal incl. BTW € 605,00
            """);
    assertEquals(new BigDecimal("605.00"), result.total().value());
    assertEquals("EUR", result.currency().value());
    assertEquals(LocalDate.of(2024, 3, 15), result.invoiceDate().value());
    assertEquals(LocalDate.of(2024, 4, 14), result.dueDate().value());
    assertEquals("2024-0815", result.invoiceNumber().value());
    assertEquals("De Vries Installatie B.V.", result.vendor().value());
    assertEquals(new BigDecimal("105.00"), result.taxAmount().value());
  }

  @Test
  void swissApostrophesAndIsoCodes() {
    var result = parser.parse("Rechnung\nTotal CHF 1'234.50");
    assertEquals(new BigDecimal("1234.50"), result.total().value());
    assertEquals("CHF", result.currency().value());
    assertEquals("pdf-text:currency-code", result.currency().source());
  }

  @Test
  void withoutATotalLabelTheLargestAmountIsAGuess() {
    var result = parser.parse("Kiosk am Markt\n2 Brezeln 2,40\n1 Kaffee 2,80\nBar 10,00");
    assertEquals(new BigDecimal("2.80"), result.total().value());
    assertEquals("pdf-text:largest-amount", result.total().source());
    assertEquals(0.5, result.total().confidence());
  }

  @Test
  void aLabelAloneTakesTheAmountOnTheNextLine() {
    var result = parser.parse("Invoice\nAmount due\n€ 310.00\nDate\n2024-06-01");
    assertEquals(new BigDecimal("310.00"), result.total().value());
    assertEquals(LocalDate.of(2024, 6, 1), result.invoiceDate().value());
  }

  @Test
  void withoutADateLabelTheFirstFreeDateIsAGuess() {
    var result =
        parser.parse("Receipt\nDelivery date 01.03.2024\n02.03.2024 14:31\nTotal 4.50 EUR");
    assertEquals(LocalDate.of(2024, 3, 2), result.invoiceDate().value());
    assertEquals("pdf-text:first-date", result.invoiceDate().source());
  }

  @Test
  void labelsMatchWithoutTheirAccentsAndDutchNamesAreNotFromLabels() {
    var result =
        parser.parse("Facture\nVan Dijk Bouw B.V.\nA payer avant le 31/03/2024\nTotal TTC 10,00 €");
    assertEquals(LocalDate.of(2024, 3, 31), result.dueDate().value());
    assertEquals("Van Dijk Bouw B.V.", result.vendor().value());
  }

  @Test
  void quotesAreOther() {
    var result = parser.parse("Angebot\nSumme 100,00 €");
    assertEquals(DocumentKind.OTHER, result.kind().value());
  }

  @Test
  void ocrNamesItsSourceAndTrustsLess() {
    Extraction result = new InvoiceTextParser("ocr", 0.8).parse("Invoice\nTotal 10.00 EUR");
    Extracted<BigDecimal> total = result.total();
    assertEquals("ocr:total-label", total.source());
    assertEquals(0.8 * 0.8, total.confidence(), 1e-9);
  }

  @Test
  void blankTextIsEmpty() {
    assertEquals(Extraction.EMPTY, parser.parse(" \n\t\n"));
  }
}
