package dev.nightshift.transactions.provider.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The sandbox bank's today: new transactions appear as days pass. A bean so tests can move it. */
@ApplicationScoped
public class SandboxClock {

  public LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
