package dev.nightshift.transactions.provider.plaid;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.transactions.provider.LinkRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaidProviderTest {

  @Test
  void withoutBothKeysPlaidIsNotConfiguredAndRefusesToLink() {
    var provider = new PlaidProvider(config(Optional.of("client"), Optional.empty()), null);

    assertThat(provider.id(), is("plaid"));
    assertThat(provider.configured(), is(false));
    assertThrows(
        IllegalStateException.class,
        () -> provider.link(new LinkRequest("public-sandbox-1", null, null)));
    assertThat(
        new PlaidProvider(config(Optional.of("client"), Optional.of(" ")), null).configured(),
        is(false));
  }

  @Test
  void bothKeysConfigureIt() {
    assertThat(
        new PlaidProvider(config(Optional.of("client"), Optional.of("secret")), null).configured(),
        is(true));
  }

  @Test
  void theEnvironmentPicksPlaidsHostUnlessABaseUrlIsSet() {
    assertThat(
        config(Optional.empty(), Optional.empty()).baseUri(),
        is(URI.create("https://sandbox.plaid.com")));
    assertThat(
        PlaidConfig.Environment.PRODUCTION.host(), is(URI.create("https://production.plaid.com")));
  }

  private static PlaidConfig config(Optional<String> clientId, Optional<String> secret) {
    return new PlaidConfig() {
      @Override
      public Optional<String> clientId() {
        return clientId;
      }

      @Override
      public Optional<String> secret() {
        return secret;
      }

      @Override
      public Environment environment() {
        return Environment.SANDBOX;
      }

      @Override
      public Optional<URI> baseUrl() {
        return Optional.empty();
      }

      @Override
      public Duration timeout() {
        return Duration.ofSeconds(30);
      }
    };
  }
}
