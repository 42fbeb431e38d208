package dev.nightshift.engine.runtime.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/v1/tasks/{task}/batch}: up to 1000 runs in one request. */
public record BatchTriggerRequest(
    @NotEmpty @Size(max = 1000) List<@NotNull @Valid TriggerRequest> items) {}
