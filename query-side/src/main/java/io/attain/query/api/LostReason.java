package io.attain.query.api;

/** How many deals were lost in the period for a reason. */
public record LostReason(String reason, long count) {
}
