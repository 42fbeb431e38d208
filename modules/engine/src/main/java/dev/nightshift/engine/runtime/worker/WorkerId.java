package dev.nightshift.engine.runtime.worker;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This process's name in leases: readable in the run's history, and new at every start, so a
 * restarted process never mistakes its predecessor's leases for its own.
 */
public final class WorkerId {

  public static final String VALUE =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  private WorkerId() {}
}
