package dev.nightshift.engine.runtime.worker;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** This process's name in leases: readable in the run's history, unique per start. */
final class WorkerId {

  static final String VALUE =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  private WorkerId() {}
}
