package dev.nightshift.engine.runtime.store;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class QueueLimitsTest {

  @Test
  void tasksSharingAQueueGetTheLowestOfEachLimitWhereNoneMeansNoLimit() {
    var sync = new QueueLimits(1, 0);
    var revoke = new QueueLimits(5, 20);
    var setup = new QueueLimits(0, 10);

    assertThat(sync.strictest(revoke).strictest(setup), equalTo(new QueueLimits(1, 10)));
    assertThat(setup.strictest(revoke).strictest(sync), equalTo(new QueueLimits(1, 10)));
    assertThat(
        new QueueLimits(0, 0).strictest(new QueueLimits(0, 0)), equalTo(new QueueLimits(0, 0)));
  }
}
