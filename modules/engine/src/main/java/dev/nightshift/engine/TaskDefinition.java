package dev.nightshift.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@link Task} and its defaults. Every default can be overridden per task in
 * configuration, under {@code nightshift.tasks.<id>.} with the attribute's name in kebab case
 * ({@code nightshift.tasks.transactions-sync.max-attempts=5}). Durations use the configuration
 * syntax ({@code 500ms}, {@code 30s}, {@code 10m}, or ISO-8601).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TaskDefinition {

  /**
   * The task's stable id, stored in every run: renaming the class must not orphan runs, so it is
   * never derived from a class name. Lowercase words and hyphens, such as {@code
   * transactions-sync}.
   */
  String id();

  /** The queue its runs wait in; empty means a queue named like the task. */
  String queue() default "";

  /**
   * At most this many runs of the queue execute at once across all nodes; 0 means no limit. In a
   * limited queue, runs triggered with a concurrency key are limited per key instead.
   */
  int concurrencyLimit() default 0;

  /**
   * At most this many runs of the queue execute at once across all nodes, whatever their
   * concurrency keys; 0 means no cap. It holds together with {@link #concurrencyLimit()}, which
   * limits each key: limit 1 and queue limit 10 run one run per key, ten at most in all.
   */
  int queueLimit() default 0;

  /** Attempts before a run fails for good; at least 1. */
  int maxAttempts() default 3;

  /** The delay before the first retry. */
  String backoffBase() default "1s";

  /** Each further retry waits this many times longer. */
  double backoffFactor() default 2.0;

  /** No retry waits longer than this. */
  String backoffMax() default "10m";

  /** Each delay is randomised by up to this fraction either way, so retries spread out. */
  double backoffJitter() default 0.2;

  /** An attempt running longer than this is interrupted and the run ends TIMED_OUT. */
  String maxDuration() default "1h";

  /** Higher runs first among due runs; may be negative. */
  int priority() default 0;
}
