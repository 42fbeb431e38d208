package dev.nightshift.inbox.corpus;

import dev.nightshift.inbox.corpus.Formats.CurrencyForm;
import dev.nightshift.inbox.corpus.Style.NumberStyle;
import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.text.vocabulary.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes invoices and receipts with known contents: one seeded random source, so the same seed gives
 * the same corpus. Invoices come in three layouts, receipts in one narrow one; each picks its
 * labels, names, amounts, currency form and date format, and adds distractors: a subtotal, the
 * customer's company, a delivery or order date, tax numbers, an IBAN, cash handed over and change.
 */
public final class InvoiceGenerator {

  private static final String[] NUMBER_PREFIXES = {"INV-", "RE-", "FA-", "F-", "", "2024/"};

  private final Random random;

  public InvoiceGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** Three invoices to one receipt, as an inbox receives them. */
  public CorpusDocument next(Language language, int serial) {
    Style style = Styles.ALL.get(language);
    long seed = random.nextLong();
    String id = language.name().toLowerCase() + "-" + serial;
    return random.nextInt(4) == 0 ? receipt(id, style, seed) : invoice(id, style, seed);
  }

  private CorpusDocument invoice(String id, Style style, long seed) {
    String currency = pick(style.currencies());
    NumberStyle numbers = numbers(style, currency);
    CurrencyForm form = pick(List.of(CurrencyForm.values()));
    DateTimeFormatter dates = dateFormat(style, currency);
    String vendor = companyName(style);
    String customer = otherCompany(style, vendor);
    LocalDate date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1000));
    LocalDate due = date.plusDays(pick(List.of(10, 14, 30, 45)));
    String number =
        pick(List.of(NUMBER_PREFIXES))
            + (2023 + random.nextInt(3))
            + "-"
            + (100 + random.nextInt(9900));
    int rate = pick(style.taxRates());
    List<Line> lines = lines(style, 2 + random.nextInt(4));
    BigDecimal net = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal tax =
        net.multiply(BigDecimal.valueOf(rate))
            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    BigDecimal total = net.add(tax);

    var page = new Page();
    int layout = random.nextInt(3);
    float y = 60;
    String title = pick(style.invoiceTitles());
    String address = pick(style.streets()) + ", " + pick(style.cities());
    if (layout == 0) {
      page.left(50, y, 14, true, vendor);
      page.right(545, y, 20, true, title);
      page.left(50, y + 16, 9, false, address);
    } else if (layout == 1) {
      page.left(50, y, 20, true, title);
      page.left(340, y, 12, true, vendor);
      page.left(340, y + 14, 9, false, address);
    } else {
      page.left(50, y, 20, true, title);
      page.left(50, y + 30, 10, false, fromLabel(style.language()) + " " + vendor);
      page.left(50, y + 44, 9, false, address);
    }
    y = 150;
    page.left(50, y, 9, true, pick(style.customerLabels()));
    page.left(50, y + 13, 10, false, customer);
    page.left(50, y + 26, 10, false, pick(style.streets()));
    page.left(50, y + 39, 10, false, pick(style.cities()));
    float metaX = layout == 0 ? 330 : 50;
    float metaY = layout == 0 ? y : y + 65;
    page.left(metaX, metaY, 10, false, pick(style.numberLabels()) + " " + number);
    page.left(metaX, metaY + 13, 10, false, pick(style.dateLabels()) + " " + dates.format(date));
    page.left(
        metaX,
        metaY + 26,
        10,
        false,
        pick(style.otherDateLabels()) + " " + dates.format(date.minusDays(random.nextInt(10) + 1)));
    page.left(metaX, metaY + 39, 10, false, pick(style.dueLabels()) + " " + dates.format(due));

    y = layout == 0 ? 230 : 290;
    List<String> header = style.itemHeader();
    page.left(50, y, 9, true, header.get(0));
    page.right(340, y, 9, true, header.get(1));
    page.right(440, y, 9, true, header.get(2));
    page.right(545, y, 9, true, header.get(3));
    for (Line line : lines) {
      y += 16;
      page.left(50, y, 10, false, line.description());
      page.right(340, y, 10, false, String.valueOf(line.quantity()));
      page.right(440, y, 10, false, Formats.number(line.price(), numbers));
      page.right(545, y, 10, false, Formats.number(line.amount(), numbers));
    }
    y += 30;
    page.left(330, y, 10, false, pick(style.subtotalLabels()));
    page.right(545, y, 10, false, Formats.money(net, numbers, currency, form));
    page.left(330, y + 15, 10, false, String.format(pick(style.taxLabels()), rate));
    page.right(545, y + 15, 10, false, Formats.money(tax, numbers, currency, form));
    page.left(330, y + 32, 11, true, pick(style.totalLabels()));
    page.right(545, y + 32, 11, true, Formats.money(total, numbers, currency, form));

    page.left(50, 780, 8, false, vendor + " · " + address);
    page.left(
        50,
        792,
        8,
        false,
        pick(style.taxIdLabels()) + " " + taxId(style.language()) + " · IBAN " + iban());
    var truth =
        new GroundTruth(
            id,
            style.language(),
            DocumentKind.INVOICE,
            vendor,
            total,
            currency,
            date,
            due,
            number,
            tax);
    return new CorpusDocument(truth, page, seed);
  }

  private CorpusDocument receipt(String id, Style style, long seed) {
    String currency = pick(style.currencies());
    NumberStyle numbers = numbers(style, currency);
    CurrencyForm form = pick(List.of(CurrencyForm.values()));
    DateTimeFormatter dates = dateFormat(style, currency);
    boolean legalName = random.nextBoolean();
    String vendor =
        legalName
            ? pick(style.storeNames()) + " " + pick(style.suffixes())
            : pick(style.storeNames());
    LocalDate date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1000));
    String number = String.valueOf(1000 + random.nextInt(899000));
    int rate = pick(style.taxRates());
    List<Line> lines = lines(style, 1 + random.nextInt(5));
    BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    // Shop prices include tax: the receipt shows the part of the total that is tax.
    BigDecimal tax =
        total.subtract(
            total
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(100 + rate), 2, RoundingMode.HALF_UP));
    BigDecimal cash = total.setScale(-1, RoundingMode.UP).add(BigDecimal.TEN);

    var page = new Page();
    float left = 190;
    float right = 405;
    page.left(left, 60, 13, true, vendor);
    page.left(left, 75, 9, false, pick(style.streets()));
    page.left(left, 87, 9, false, pick(style.cities()));
    page.left(left, 110, 12, true, pick(style.receiptTitles()));
    page.left(left, 126, 9, false, pick(style.receiptNumberLabels()) + " " + number);
    page.left(
        left,
        138,
        9,
        false,
        pick(style.dateLabels())
            + " "
            + dates.format(date)
            + " "
            + String.format("%02d:%02d", 7 + random.nextInt(14), random.nextInt(60)));
    float y = 160;
    for (Line line : lines) {
      page.left(left, y, 9, false, line.quantity() + " x " + line.description());
      page.right(right, y, 9, false, Formats.number(line.amount(), numbers));
      y += 13;
    }
    y += 10;
    page.left(left, y, 11, true, pick(style.receiptTotalLabels()));
    page.right(right, y, 11, true, Formats.money(total, numbers, currency, form));
    page.left(left, y + 15, 9, false, String.format(pick(style.taxLabels()), rate));
    page.right(right, y + 15, 9, false, Formats.number(tax, numbers));
    page.left(left, y + 30, 9, false, style.cashLabels().get(0));
    page.right(right, y + 30, 9, false, Formats.number(cash, numbers));
    page.left(left, y + 42, 9, false, style.cashLabels().get(1));
    page.right(right, y + 42, 9, false, Formats.number(cash.subtract(total), numbers));
    if (legalName) {
      page.left(left, y + 70, 8, false, pick(style.taxIdLabels()) + " " + taxId(style.language()));
    }
    var truth =
        new GroundTruth(
            id,
            style.language(),
            DocumentKind.RECEIPT,
            vendor,
            total,
            currency,
            date,
            null,
            number,
            tax);
    return new CorpusDocument(truth, page, seed);
  }

  private record Line(String description, int quantity, BigDecimal price) {
    BigDecimal amount() {
      return price.multiply(BigDecimal.valueOf(quantity));
    }
  }

  private List<Line> lines(Style style, int count) {
    var lines = new ArrayList<Line>();
    for (int i = 0; i < count; i++) {
      // Mostly small prices, now and then one in the thousands, to print grouped numbers.
      int cents =
          random.nextInt(5) == 0 ? 100_000 + random.nextInt(400_000) : 150 + random.nextInt(60_000);
      lines.add(new Line(pick(style.items()), 1 + random.nextInt(4), BigDecimal.valueOf(cents, 2)));
    }
    return lines;
  }

  private String companyName(Style style) {
    return pick(style.vendorWords())
        + " "
        + pick(style.vendorTrades())
        + " "
        + pick(style.suffixes());
  }

  private String otherCompany(Style style, String vendor) {
    String name;
    do {
      name = companyName(style);
    } while (name.split(" ")[0].equals(vendor.split(" ")[0]));
    return name;
  }

  private NumberStyle numbers(Style style, String currency) {
    if (currency.equals("CHF")) {
      return NumberStyle.APOSTROPHE_THOUSANDS_DOT_DECIMAL;
    }
    if (style.language() == Language.GERMAN && random.nextInt(4) == 0) {
      return NumberStyle.NO_THOUSANDS_COMMA_DECIMAL;
    }
    return style.numbers();
  }

  private DateTimeFormatter dateFormat(Style style, String currency) {
    var patterns = currency.equals("USD") ? style.usDateFormats() : style.dateFormats();
    return DateTimeFormatter.ofPattern(
        pick(patterns), currency.equals("USD") ? java.util.Locale.US : style.locale());
  }

  private static String fromLabel(Language language) {
    return switch (language) {
      case ENGLISH -> "From:";
      case GERMAN -> "Von:";
      case FRENCH -> "De :";
      case SPANISH -> "De:";
      case SWEDISH -> "Från:";
      case DUTCH -> "Van:";
    };
  }

  private String taxId(Language language) {
    String digits = String.valueOf(100_000_000L + (long) (random.nextDouble() * 899_999_999L));
    return switch (language) {
      case ENGLISH -> "GB" + digits;
      case GERMAN -> "DE" + digits;
      case FRENCH -> "FR12" + digits;
      case SPANISH -> "B" + digits.substring(0, 8);
      case SWEDISH -> "556" + digits.substring(0, 3) + "-" + digits.substring(3, 7);
      case DUTCH -> "NL" + digits + "B01";
    };
  }

  private String iban() {
    var iban = new StringBuilder("DE");
    for (int i = 0; i < 20; i++) {
      iban.append(random.nextInt(10));
      if (i % 4 == 1) {
        iban.append(' ');
      }
    }
    return iban.toString().strip();
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
