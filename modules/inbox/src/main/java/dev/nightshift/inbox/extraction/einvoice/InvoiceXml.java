package dev.nightshift.inbox.extraction.einvoice;

import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An e-invoice's XML, parsed, with the syntax its root element is in. Parsing is strict about
 * safety: no DOCTYPE, so no external entities and no entity expansion bombs.
 *
 * <p>Three fields Mustang's importer does not give as EN 16931 defines them are read here, with the
 * JDK's XPath: in UBL the invoice total with VAT (Mustang takes the amount due for it) and the
 * seller's legal name (Mustang takes the trading name, which XRechnung leaves out); in ZUGFeRD 1
 * the currency (Mustang looks for it where ZUGFeRD 2 puts it).
 */
record InvoiceXml(Flavour flavour, org.w3c.dom.Document dom) {

  static final String CII = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
  static final String ZUGFERD_1 = "urn:ferd:CrossIndustryDocument:invoice:1p0";
  static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
  static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
  private static final String UBL_BASIC_COMPONENTS =
      "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
  private static final String UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
  private static final String RAM =
      "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

  /** BT-112 in UBL. */
  private static final String UBL_TOTAL =
      "/*/*[local-name()='LegalMonetaryTotal']/*[local-name()='TaxInclusiveAmount']";

  /** BT-27 in UBL; PartyName is BT-28, the trading name. */
  private static final String UBL_SELLER =
      "/*/*[local-name()='AccountingSupplierParty']/*[local-name()='Party']"
          + "/*[local-name()='PartyLegalEntity']/*[local-name()='RegistrationName']";

  /** BT-5 in ZUGFeRD 1, under ApplicableSupplyChainTradeSettlement. */
  private static final String ZUGFERD_1_CURRENCY =
      "//*[local-name()='ApplicableSupplyChainTradeSettlement']/*[local-name()='InvoiceCurrencyCode']";

  /**
   * @param embeddedName the PDF attachment's file name, or null for an XML file
   * @return the invoice, or empty when the XML is well-formed but no invoice in a syntax read here
   * @throws UnreadableDocumentException when the bytes are not well-formed XML
   */
  static Optional<InvoiceXml> parse(byte[] xml, String embeddedName)
      throws UnreadableDocumentException {
    org.w3c.dom.Document dom = parse(xml);
    return flavour(dom.getDocumentElement(), embeddedName)
        .map(flavour -> new InvoiceXml(flavour, dom));
  }

  /** UBL's total with VAT, or null when it is not UBL or states none. */
  BigDecimal ublTotal() {
    if (!isUbl()) {
      return null;
    }
    String total = text(UBL_TOTAL);
    return total.isEmpty() ? null : new BigDecimal(total);
  }

  /** UBL's seller legal name, or null when it is not UBL or states none. */
  String ublSellerName() {
    if (!isUbl()) {
      return null;
    }
    String name = text(UBL_SELLER);
    return name.isEmpty() ? null : name;
  }

  private boolean isUbl() {
    return flavour == Flavour.UBL || flavour == Flavour.XRECHNUNG_UBL;
  }

  /** ZUGFeRD 1's currency, or null when it is not ZUGFeRD 1 or states none. */
  String zugferd1Currency() {
    if (flavour != Flavour.ZUGFERD_1) {
      return null;
    }
    String currency = text(ZUGFERD_1_CURRENCY);
    return currency.isEmpty() ? null : currency;
  }

  private String text(String expression) {
    try {
      return XPathFactory.newInstance().newXPath().evaluate(expression, dom).strip();
    } catch (XPathExpressionException e) {
      throw new IllegalStateException("A constant XPath expression does not compile", e);
    }
  }

  private static Optional<Flavour> flavour(Element root, String embeddedName) {
    String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
    String name = root.getLocalName();
    if (namespace.equals(ZUGFERD_1) && name.equals("CrossIndustryDocument")) {
      return Optional.of(Flavour.ZUGFERD_1);
    }
    if (namespace.equals(CII) && name.equals("CrossIndustryInvoice")) {
      return Optional.of(ciiFlavour(guideline(root), embeddedName));
    }
    if ((namespace.equals(UBL_INVOICE) && name.equals("Invoice"))
        || (namespace.equals(UBL_CREDIT_NOTE) && name.equals("CreditNote"))) {
      return Optional.of(isXRechnung(customization(root)) ? Flavour.XRECHNUNG_UBL : Flavour.UBL);
    }
    return Optional.empty();
  }

  private static Flavour ciiFlavour(String guideline, String embeddedName) {
    if (isXRechnung(guideline)) {
      return Flavour.XRECHNUNG_CII;
    }
    if (embeddedName == null) {
      return Flavour.CII;
    }
    // ZUGFeRD 2.0 named its attachment zugferd-invoice.xml; from 2.1 on ZUGFeRD is Factur-X.
    return embeddedName.equalsIgnoreCase("zugferd-invoice.xml")
        ? Flavour.ZUGFERD_2
        : Flavour.FACTUR_X;
  }

  /** BT-24, the specification identifier: XRechnung's starts with its CIUS URN. */
  private static boolean isXRechnung(String specification) {
    return specification.toLowerCase(Locale.ROOT).contains("xrechnung");
  }

  private static String guideline(Element root) {
    var parameters = root.getElementsByTagNameNS(RAM, "GuidelineSpecifiedDocumentContextParameter");
    if (parameters.getLength() == 0) {
      return "";
    }
    var ids = ((Element) parameters.item(0)).getElementsByTagNameNS(RAM, "ID");
    return ids.getLength() == 0 ? "" : ids.item(0).getTextContent().strip();
  }

  private static String customization(Element root) {
    var ids = root.getElementsByTagNameNS(UBL_BASIC_COMPONENTS, "CustomizationID");
    return ids.getLength() == 0 ? "" : ids.item(0).getTextContent().strip();
  }

  private static org.w3c.dom.Document parse(byte[] xml) throws UnreadableDocumentException {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      var builder = factory.newDocumentBuilder();
      // The default handler prints every parse error to stderr before throwing it.
      builder.setErrorHandler(new DefaultHandler());
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      throw new UnreadableDocumentException(
          "Malformed XML at line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ": "
              + e.getMessage(),
          e);
    } catch (SAXException | IOException e) {
      throw new UnreadableDocumentException("Malformed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser lacks a required feature", e);
    }
  }
}
