package io.attain.query.api;

import java.util.List;

/** Every event of a deal, in the deal's order. */
public record DealTimelineView(String dealId, List<TimelineEvent> events) {
}
