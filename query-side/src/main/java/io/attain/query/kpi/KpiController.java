package io.attain.query.kpi;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Period;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import io.attain.platform.security.AuthorizationRules;
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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/kpis/{period}}: CAC and CLV of the period, for every channel and team or one of them
 * ({@code channel} or {@code team}, at most one), converted into {@code currency} (optional when the figures are in
 * one currency). Management figures: ADMIN, FINANCE and AUDITOR read every cut, a MANAGER only their own team's
 * ({@link QueryAuthorization#mayReadKpis}); REP and INTEGRATOR are refused by {@link #RULES} before the handler.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class KpiController {

    /** {@code /api/v1/kpis/**}: ADMIN, FINANCE, AUDITOR and MANAGER (a MANAGER then only their team's cut). */
    public static final AuthorizationRules RULES = exchanges -> exchanges
            .pathMatchers("/api/v1/kpis", "/api/v1/kpis/**")
            .hasAnyRole(AttainRole.ADMIN.name(), AttainRole.FINANCE.name(), AttainRole.AUDITOR.name(),
                        AttainRole.MANAGER.name());

    private static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Enum::name).toList();

    private final KpiQueries kpis;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;

    public KpiController(KpiQueries kpis, ProjectionReads reads, QueryAuthorization authorization) {
        this.kpis = kpis;
        this.reads = reads;
        this.authorization = authorization;
    }

    @GetMapping("/kpis/{period}")
    public Mono<KpiView> kpis(@PathVariable String period,
                              @RequestParam(required = false) String channel,
                              @RequestParam(required = false) String team,
                              @RequestParam(required = false) String currency,
                              @RequestParam(required = false) String minPosition,
                              @AuthenticationPrincipal AttainPrincipal principal,
                              ServerWebExchange exchange) {
        Period p = QueryParams.period(period);
        if (channel != null && !channel.isBlank()) {
            QueryParams.oneOf("channel", channel.trim(), CHANNELS, null);
        }
        Map<String, String> candidates = new LinkedHashMap<>();
        candidates.put("channel", channel == null ? null : channel.trim());
        candidates.put("team", team == null ? null : team.trim());
        String cut = QueryParams.cut(candidates, (name, value) -> name.equals("channel")
                ? KpiSchema.channelCut(value) : KpiSchema.teamCut(value));
        String c = QueryParams.currency(currency == null ? null : currency.trim());
        String teamId = team == null || team.isBlank() ? null : team.trim();
        return authorization.mayReadKpis(principal, teamId)
                .then(reads.after(KpiProjection.NAME, minPosition, exchange, () -> kpis.kpis(p, cut, c)));
    }
}
