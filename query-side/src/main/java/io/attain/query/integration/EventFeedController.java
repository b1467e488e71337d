package io.attain.query.integration;

import io.attain.kernel.integration.EventCategory;
import io.attain.platform.security.AttainPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;


import java.util.List;
import java.util.Set;

/**
 * The integrator feed, its live stream and the deal snapshot (issue 11, ADR 0011). ADMIN and INTEGRATOR only; an
 * integrator sees the categories it was granted ({@link FeedAccess}). Parameters are checked before anything is read.
 */
@RestController
@RequestMapping(path = "/api/v1/events")
public class EventFeedController {

    /** The header a reconnecting client sends with the last {@code id:} it received. */
    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private final EventFeed feed;
    private final EventStreams streams;
    private final DealSnapshot snapshot;
    private final Scheduler reads;

    public EventFeedController(EventFeed feed, EventStreams streams, DealSnapshot snapshot, IntegrationReads reads) {
        this.feed = feed;
        this.streams = streams;
        this.snapshot = snapshot;
        this.reads = reads.scheduler();
    }

    /** {@code GET /api/v1/events?after&limit[&type=prefix…][&subject]} → {@code {"events","next","head"}}. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<String>> events(@RequestParam(required = false) String after,
                                               @RequestParam(required = false) String limit,
                                               @RequestParam(name = "type", required = false) List<String> types,
                                               @RequestParam(required = false) String subject,
                                               @AuthenticationPrincipal AttainPrincipal principal) {
        Set<EventCategory> categories = FeedAccess.categories(principal);
        long from = FeedParams.position("after", after);
        int max = FeedParams.limit(limit);
        FeedFilter filter = new FeedFilter(categories, FeedParams.types(types), FeedParams.subject(subject));
        return Mono.fromCallable(() -> feed.read(from, max, filter).json())
                   .subscribeOn(reads)
                   .map(body -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body));
    }

    /**
     * {@code GET /api/v1/events/stream?after[&type]} ({@code text/event-stream}): {@code id:} the position,
     * {@code event:} the type, {@code data:} the CloudEvent. {@code Last-Event-ID} (a reconnect) wins over
     * {@code after}.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<String>> stream(@RequestParam(required = false) String after,
                                                @RequestParam(name = "type", required = false) List<String> types,
                                                @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
                                                @AuthenticationPrincipal AttainPrincipal principal) {
        Set<EventCategory> categories = FeedAccess.categories(principal);
        long from = lastEventId != null ? FeedParams.position(LAST_EVENT_ID, lastEventId)
                : FeedParams.position("after", after);
        FeedFilter filter = new FeedFilter(categories, FeedParams.types(types), null);
        return streams.open(from, filter);
    }

    /**
     * {@code GET /api/v1/events/snapshot/deals}: the state of every deal at one position {@code P}
     * ({@code {"position":P,"deals":[…]}}); stream from {@code after=P} to follow on without a gap.
     */
    @GetMapping(path = "/snapshot/deals", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<String>> dealSnapshot(@AuthenticationPrincipal AttainPrincipal principal) {
        FeedAccess.requireCategory(principal, EventCategory.DEALS);
        return Mono.fromCallable(snapshot::json)
                   .subscribeOn(reads)
                   .map(body -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body));
    }
}
