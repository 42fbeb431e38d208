/**
 * The durable job engine: tasks, runs, queues, schedules, events and realtime progress on
 * PostgreSQL. This package is the public API that modules use, and each type states its guarantees
 * (at-least-once execution, what rolls back with the caller's transaction, thread safety). The
 * implementation lives in {@code dev.nightshift.engine.runtime}, which only the engine itself may
 * use. The engine imports no domain module; domain modules never import each other and talk through
 * the events and query ports in {@code dev.nightshift.contracts}.
 */
package dev.nightshift.engine;
