package io.attain.query.channel;

import io.attain.kernel.common.Period;
import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import io.attain.platform.security.AttainPrincipal;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Channel partners' read side:
 * <ul>
 *     <li>{@code GET /api/v1/partners/{partnerId}/rebates?period=2017-Q2}: the partner's rebate statement of the
 *     period (lines with their calculation and lineage, totals per currency, pending rebates) — FINANCE, ADMIN,
 *     AUDITOR;</li>
 *     <li>{@code GET /api/v1/channel-conflicts?status=OPEN|RESOLVED}: channel conflicts with their claims and
 *     resolution — FINANCE, ADMIN, AUDITOR all; a MANAGER those with a claiming deal owned by a rep of their team
 *     ({@link QueryAuthorization#readableConflicts}).</li>
 * </ul>
 * {@code minPosition} as for every query.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ChannelQueryController {

    private final ChannelQueries queries;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;

    public ChannelQueryController(ChannelQueries queries, ProjectionReads reads, QueryAuthorization authorization) {
        this.queries = queries;
        this.reads = reads;
        this.authorization = authorization;
    }

    @GetMapping("/partners/{partnerId}/rebates")
    public Mono<Map<String, Object>> rebates(@PathVariable String partnerId,
                                             @RequestParam(required = false) String period,
                                             @RequestParam(required = false) String minPosition,
                                             @AuthenticationPrincipal AttainPrincipal principal,
                                             ServerWebExchange exchange) {
        if (period == null || period.isBlank()) {
            throw QueryParams.invalid("period", "is required");
        }
        Period p = QueryParams.period(period);
        return authorization.mayReadRebates(principal)
                .then(reads.after(PartnerRebateProjection.NAME, minPosition, exchange,
                        () -> queries.statement(partnerId, p).orElseThrow(() -> new ProblemException(
                                ProblemType.NOT_FOUND, "partnerId: no such partner",
                                List.of(new Violation("partnerId", "no such partner"))))));
    }

    @GetMapping("/channel-conflicts")
    public Mono<Map<String, Object>> conflicts(@RequestParam(required = false) String status,
                                               @RequestParam(required = false) String minPosition,
                                               @AuthenticationPrincipal AttainPrincipal principal,
                                               ServerWebExchange exchange) {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !s.equals("OPEN") && !s.equals("RESOLVED")) {
            throw QueryParams.invalid("status", "must be one of OPEN, RESOLVED");
        }
        return authorization.mayListConflicts(principal)
                .then(reads.after(ChannelConflictProjection.NAME, minPosition, exchange, () -> {
                    List<Map<String, Object>> readable = authorization.readableConflicts(principal,
                            queries.conflicts(s), ChannelQueries::owners);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", s);
                    body.put("conflicts", readable);
                    return body;
                }));
    }

}
