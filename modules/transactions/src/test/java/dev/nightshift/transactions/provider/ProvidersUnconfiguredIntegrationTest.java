package dev.nightshift.transactions.provider;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.provider.gocardless.GoCardlessProvider;
import dev.nightshift.transactions.provider.teller.TellerProvider;
import dev.nightshift.transactions.provider.teller.TellerWebhookVerifier;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The application starts without any provider setting; the providers then say so. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ProvidersUnconfiguredIntegrationTest {

  @Inject GoCardlessProvider gocardless;
  @Inject TellerProvider teller;
  @Inject TellerWebhookVerifier tellerWebhooks;

  @Test
  void providersWithoutSettingsAreNotConfigured() {
    assertThat(gocardless.configured(), equalTo(false));
    assertThat(teller.configured(), equalTo(false));
  }

  @Test
  void gocardlessWithoutASecretRefusesToCallAndSaysWhy() {
    var error =
        assertThrows(
            IllegalStateException.class,
            () -> gocardless.status(new Credentials(null, "some-requisition")));
    assertThat(error.getMessage(), containsString("nightshift.transactions.gocardless.secret-id"));
  }

  @Test
  void tellerWebhooksAreRefusedWithoutASigningSecret() {
    assertThrows(
        IllegalStateException.class, () -> tellerWebhooks.verify("t=1,v1=00", new byte[0]));
  }
}
