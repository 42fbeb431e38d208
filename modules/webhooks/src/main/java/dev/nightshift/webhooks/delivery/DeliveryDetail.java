package dev.nightshift.webhooks.delivery;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A delivery with the body it sends and every attempt so far, oldest first. */
public record DeliveryDetail(
    @JsonUnwrapped Delivery delivery, @JsonRawValue String body, List<Attempt> attempts) {}
