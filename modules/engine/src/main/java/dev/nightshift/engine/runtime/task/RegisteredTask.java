package dev.nightshift.engine.runtime.task;

import com.fasterxml.jackson.databind.JavaType;
import dev.nightshift.engine.Task;

/** A deployed task: its stable id, its bean, the type its payload is read as, its settings. */
public record RegisteredTask(
    String id, Task<Object, Object> bean, JavaType payloadType, TaskSettings settings) {}
