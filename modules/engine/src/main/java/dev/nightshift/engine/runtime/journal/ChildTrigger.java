package dev.nightshift.engine.runtime.journal;

import dev.nightshift.engine.Engine;
import java.util.List;
import java.util.UUID;

/** Triggers the children of a run that waits for them. */
public interface ChildTrigger {

  /** Triggers runs of {@code taskId} as children of {@code parent}; their ids in input order. */
  List<UUID> trigger(UUID parent, String taskId, List<Engine.BatchItem> items);
}
