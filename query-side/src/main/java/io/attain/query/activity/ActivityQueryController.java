package io.attain.query.activity;

import io.attain.kernel.common.Period;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.platform.security.AttainPrincipal;
import io.attain.query.web.Paging;
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

import java.util.List;

/** A rep's visits, calls and proposals in a period, to those who may read the rep's scorecard. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ActivityQueryController {

    private static final List<String> KINDS = List.of("VISIT", "CALL", "PROPOSAL");

    private final ActivityQueries activities;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;

    public ActivityQueryController(ActivityQueries activities, ProjectionReads reads, QueryAuthorization authorization) {
        this.activities = activities;
        this.reads = reads;
        this.authorization = authorization;
    }

    @GetMapping("/reps/{repId}/activities")
    public Mono<ActivityView> activities(@PathVariable String repId,
                                         @RequestParam(required = false) String period,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String page,
                                         @RequestParam(required = false) String size,
                                         @RequestParam(required = false) String minPosition,
                                         @AuthenticationPrincipal AttainPrincipal principal,
                                         ServerWebExchange exchange) {
        if (period == null || period.isBlank()) {
            throw QueryParams.invalid("period", "is required (2017, 2017-Q2 or 2017-05)");
        }
        Period p = QueryParams.period(period.trim());
        String k = QueryParams.oneOf("kind", kind, KINDS, null);
        Paging paging = Paging.of(page, size);
        return authorization.mayReadOwner(principal, TargetOwnerType.REP, repId)
                            .then(reads.after(ActivityProjection.NAME, minPosition, exchange,
                                              () -> activities.activities(repId, p, k, paging)));
    }
}
