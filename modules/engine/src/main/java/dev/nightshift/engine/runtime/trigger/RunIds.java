package dev.nightshift.engine.runtime.trigger;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/** New run ids: UUIDv7, ordered by creation time, so the id doubles as the list cursor. */
public final class RunIds {

  private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

  private RunIds() {}

  public static UUID next() {
    return GENERATOR.generate();
  }
}
