package dev.nightshift.transactions.provider;

import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The deployed providers by id. */
@ApplicationScoped
public class Providers {

  private final Map<String, BankProvider> byId;

  Providers(Instance<BankProvider> providers) {
    this.byId = providers.stream().collect(Collectors.toMap(BankProvider::id, Function.identity()));
  }

  /** The provider a stored connection names. */
  public BankProvider get(String id) {
    var provider = byId.get(id);
    if (provider == null) {
      throw new IllegalStateException("No bank provider '" + id + "' is deployed");
    }
    return provider;
  }

  /** The provider a client asked for: 400 when unknown or not configured. */
  public BankProvider requested(String id) {
    var provider = byId.get(id);
    if (provider == null) {
      throw ProblemException.badRequest(
          "unknown-provider",
          "No bank provider '"
              + id
              + "'; known: "
              + String.join(", ", byId.keySet().stream().sorted().toList()));
    }
    if (!provider.configured()) {
      throw ProblemException.badRequest(
          "provider-not-configured",
          "The provider '"
              + id
              + "' has no credentials here: set nightshift.transactions."
              + id
              + ".* (docs/configuration.md)");
    }
    return provider;
  }
}
