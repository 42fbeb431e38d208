package dev.nightshift.engine;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a running attempt knows about itself and how it reports back. One context per attempt, used
 * from the attempt's own thread.
 */
public interface TaskContext {

  UUID runId();

  String taskId();

  /** 1 for the first attempt. */
  int attempt();

  /** The team the run belongs to, when it was triggered for one. */
  Optional<UUID> teamId();

  /**
   * Records progress: stored on the run and streamed to its subscribers. Cheap to call often:
   * writes are coalesced.
   */
  void progress(long done, long total, String message);

  /** Merges entries into the run's metadata, stored and streamed like progress. */
  void metadata(Map<String, Object> entries);

  /**
   * True once the run was canceled. The attempt's thread is also interrupted, so blocking calls end
   * early; long loops should check this and return.
   */
  boolean isCancelled();
}
