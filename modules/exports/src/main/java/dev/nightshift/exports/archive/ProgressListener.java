package dev.nightshift.exports.archive;

import dev.nightshift.exports.export.Progress;

/** Told after every page of transactions how far the archive got. */
@FunctionalInterface
public interface ProgressListener {

  void progressed(Progress progress);
}
