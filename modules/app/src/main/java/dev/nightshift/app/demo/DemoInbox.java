package dev.nightshift.app.demo;

import dev.nightshift.inbox.email.AddressStore;
import dev.nightshift.inbox.intake.Incoming;
import dev.nightshift.inbox.intake.Intake;
import dev.nightshift.inbox.intake.Received;
import dev.nightshift.inbox.item.Source;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.Providers;
import dev.nightshift.transactions.provider.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo team's inbox: the address {@value #TOKEN}@&lt;email domain&gt;, and one sample invoice
 * from a vendor the sandbox bank shows a payment to, so that the invoice is extracted and matched
 * to that payment. The sandbox derives everything from its seed, so the payment is known before the
 * first sync has stored it; matching runs again when the sync's transactions arrive.
 */
@ApplicationScoped
class DemoInbox {

  static final String TOKEN = "demo";

  private final AddressStore addresses;
  private final Intake intake;
  private final Providers providers;

  DemoInbox(AddressStore addresses, Intake intake, Providers providers) {
    this.addresses = addresses;
    this.intake = intake;
    this.providers = providers;
  }

  /** Sends the sample invoice once: its reference makes a restart's second offer a no-op. */
  Optional<Received> seed(UUID team, String sandboxSeed) throws IOException {
    addresses.assign(team, TOKEN);
    var payment = samplePayment(sandboxSeed);
    if (payment.isEmpty()) {
      return Optional.empty();
    }
    var paid = payment.get();
    var total = paid.amount().negate();
    var invoice =
        new SampleInvoice(
            paid.name(),
            "INV-" + paid.date().getYear() + "-" + paid.id().substring(4, 10).toUpperCase(),
            paid.date().minusDays(3),
            paid.date().plusDays(11),
            total,
            total.divide(BigDecimal.valueOf(6), 2, RoundingMode.HALF_UP),
            paid.currency());
    return Optional.of(
        intake.accept(
            team,
            new Incoming(
                Source.EMAIL,
                "demo:sample-invoice:" + paid.id(),
                "invoice-" + invoice.number() + ".pdf",
                "application/pdf",
                invoice.pdf(),
                "billing@example.com",
                "Your invoice " + invoice.number())));
  }

  /** A posted card or checking payment to a merchant from one to three weeks ago. */
  private Optional<ProviderTransaction> samplePayment(String seed) {
    var sandbox = providers.get("sandbox");
    var credentials = new Credentials(null, seed);
    var today = LocalDate.now(ZoneOffset.UTC);
    return sandbox.accounts(credentials).stream()
        .flatMap(
            account ->
                sandbox
                    .transactions(credentials, account, today.minusDays(21), null)
                    .transactions()
                    .stream())
        .filter(t -> t.status() == TransactionStatus.POSTED)
        .filter(t -> t.amount().signum() < 0 && t.merchant() != null)
        .filter(t -> t.date().isBefore(today.minusDays(7)))
        .min(
            Comparator.comparing(ProviderTransaction::date).thenComparing(ProviderTransaction::id));
  }
}
