package io.attain.query.statement;

import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import io.attain.platform.security.AuthorizationRules;
import io.attain.query.web.ProjectionReads;
import io.attain.query.web.QueryAuthorization;
import io.attain.query.web.QueryParams;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Commission statements, their audit and the payroll export (ADR 0006):
 * <ul>
 *     <li>{@code GET /api/v1/statements/{repId}/{period}}: one statement from the read model; with
 *     {@code recordedAsOf=<instant>} and/or {@code businessAsOf=<date>} folded from the log instead;</li>
 *     <li>{@code GET /api/v1/statements?period=…}: summaries of the period's statements the principal may read;</li>
 *     <li>{@code GET /api/v1/audit/verify} (ADMIN, AUDITOR): every statement recomputed from the log and compared
 *     with the read model, every seal recomputed from the raw commit documents;</li>
 *     <li>{@code GET /api/v1/payouts/{batchId}.csv} (FINANCE, ADMIN): the payments of a payout batch.</li>
 * </ul>
 * Statements: ADMIN, AUDITOR and FINANCE read all, a MANAGER their team's reps', a REP their own
 * ({@link QueryAuthorization#mayReadStatement}). {@code minPosition} as for every query.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class StatementQueryController {

    /** The payroll export's columns, in order. */
    public static final List<String> PAYOUT_COLUMNS = List.of("rep_id", "period", "amount", "currency",
                                                              "payment_date", "statement_id", "batch_id",
                                                              "event_id", "position");

    /** {@code /api/v1/audit/**}: ADMIN and AUDITOR; {@code /api/v1/payouts/**}: FINANCE and ADMIN. */
    public static final AuthorizationRules RULES = exchanges -> {
        exchanges.pathMatchers("/api/v1/audit", "/api/v1/audit/**")
                 .hasAnyRole(AttainRole.ADMIN.name(), AttainRole.AUDITOR.name());
        exchanges.pathMatchers("/api/v1/payouts", "/api/v1/payouts/**")
                 .hasAnyRole(AttainRole.FINANCE.name(), AttainRole.ADMIN.name());
    };

    private final StatementQueries statements;
    private final StatementAudit audit;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;
    private final Clock clock;

    public StatementQueryController(StatementQueries statements, StatementAudit audit, ProjectionReads reads,
                                    QueryAuthorization authorization, ProjectionReads.QueryTimeouts timeouts) {
        this.statements = statements;
        this.audit = audit;
        this.reads = reads;
        this.authorization = authorization;
        this.clock = timeouts.clock();
    }

    @GetMapping("/statements/{repId}/{period}")
    public Mono<Map<String, Object>> statement(@PathVariable String repId, @PathVariable String period,
                                               @RequestParam(required = false) String recordedAsOf,
                                               @RequestParam(required = false) String businessAsOf,
                                               @RequestParam(required = false) String minPosition,
                                               @AuthenticationPrincipal AttainPrincipal principal,
                                               ServerWebExchange exchange) {
        String p = QueryParams.period(period).toString();
        Instant recorded = instant("recordedAsOf", recordedAsOf);
        LocalDate business = QueryParams.date("businessAsOf", businessAsOf);
        if (recorded != null && recorded.isAfter(clock.instant())) {
            throw QueryParams.invalid("recordedAsOf", "must not be in the future");
        }
        Callable<Map<String, Object>> read = recorded == null && business == null
                ? () -> statements.statement(repId, p).orElseThrow(() -> notFound("statement", "no such statement"))
                : () -> audit.asOf(repId, p, recorded, business, clock.instant()).orElseThrow(
                        () -> notFound("statement", "no statement events recorded by then"));
        return authorization.mayReadStatement(principal, repId)
                            .then(reads.after(StatementProjection.NAME, minPosition, exchange, read));
    }

    @GetMapping("/statements")
    public Mono<Map<String, Object>> list(@RequestParam(required = false) String period,
                                          @RequestParam(required = false) String minPosition,
                                          @AuthenticationPrincipal AttainPrincipal principal,
                                          ServerWebExchange exchange) {
        if (period == null || period.isBlank()) {
            throw QueryParams.invalid("period", "is required");
        }
        String p = QueryParams.period(period).toString();
        return reads.after(StatementProjection.NAME, minPosition, exchange, () -> {
            List<Map<String, Object>> all = statements.list(p);
            Set<String> readable = authorization.readableStatementReps(
                    principal, all.stream().map(m -> String.valueOf(m.get("repId"))).toList());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("period", p);
            body.put("statements", all.stream().filter(m -> readable.contains(String.valueOf(m.get("repId"))))
                                      .toList());
            return body;
        });
    }

    @GetMapping("/audit/verify")
    public Mono<StatementAudit.Verification> verify(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> audit.log().head()).subscribeOn(Schedulers.boundedElastic())
                   .flatMap(head -> reads.after(StatementProjection.NAME, String.valueOf(head), exchange,
                                                () -> audit.verify(head)));
    }

    @GetMapping(path = "/payouts/{batchId}.csv", produces = "text/csv")
    public Mono<ResponseEntity<String>> payouts(@PathVariable String batchId,
                                                @RequestParam(required = false) String minPosition,
                                                ServerWebExchange exchange) {
        return reads.after(StatementProjection.NAME, minPosition, exchange, () -> {
            List<StatementQueries.PayoutRow> rows = statements.payouts(batchId).orElseThrow(
                    () -> notFound("batchId", "no payments in this batch"));
            StringBuilder csv = new StringBuilder(String.join(",", PAYOUT_COLUMNS)).append("\r\n");
            for (StatementQueries.PayoutRow r : rows) {
                csv.append(String.join(",", List.of(csv(r.repId()), csv(r.period()), r.amount().toPlainString(),
                                                    csv(r.currency()), csv(r.paymentDate()), csv(r.statementId()),
                                                    csv(r.batchId()), csv(r.eventId()),
                                                    String.valueOf(r.position()))))
                   .append("\r\n");
            }
            return ResponseEntity.ok()
                                 .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                                 .header(HttpHeaders.CONTENT_DISPOSITION,
                                         "attachment; filename=\"payouts-" + batchId.replaceAll("[^A-Za-z0-9._-]", "_")
                                                 + ".csv\"")
                                 .body(csv.toString());
        });
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw QueryParams.invalid(field, "must be an instant (e.g. 2017-05-31T23:59:59Z)");
        }
    }

    private static ProblemException notFound(String field, String rule) {
        return new ProblemException(ProblemType.NOT_FOUND, field + ": " + rule, List.of(new Violation(field, rule)));
    }
}
