package io.attain.query.timeline;

import io.attain.platform.security.AttainPrincipal;
import io.attain.query.api.DealTimelineView;
import io.attain.query.web.ProjectionReads;
import io.attain.query.web.QueryAuthorization;
import io.attain.query.web.QueryParams;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A deal's timeline: every fact of the deal in business-time order, to those who may read the deal. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class DealTimelineController {

    private final DealTimelineQueries timelines;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;

    public DealTimelineController(DealTimelineQueries timelines, ProjectionReads reads,
                                  QueryAuthorization authorization) {
        this.timelines = timelines;
        this.reads = reads;
        this.authorization = authorization;
    }

    @GetMapping("/deals/{dealId}/timeline")
    public Mono<DealTimelineView> timeline(@PathVariable String dealId,
                                           @RequestParam(required = false) String minPosition,
                                           @AuthenticationPrincipal AttainPrincipal principal,
                                           ServerWebExchange exchange) {
        return reads.after(DealTimelineProjection.NAME, minPosition, exchange, () -> timelines.timeline(dealId))
                    .flatMap(timeline -> authorization.mayReadDeal(principal, timeline,
                                                                   () -> QueryParams.notFound("dealId", "no such deal")));
    }
}
