package io.attain.query.web;

import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.ProblemWriter;
import io.attain.platform.problem.Violation;
import io.attain.platform.security.AttainRole;
import io.attain.platform.security.AuthorizationRules;
import io.attain.query.projection.ProjectionRuntime;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Projection administration (ADMIN only, see {@link #RULES}): status of every projection and rebuilds without
 * downtime (ADR 0004).
 * <ul>
 *     <li>{@code GET /api/v1/admin/projections}: {@code {projections: [status…]}};</li>
 *     <li>{@code GET /api/v1/admin/projections/{name}}: one status — active generation, live position, whether a
 *     rebuild runs, its progress (events processed, position / head at start, percent, events/s, started and
 *     finished time), and the last finished rebuild;</li>
 *     <li>{@code POST /api/v1/admin/projections/{name|all}/rebuild}: 202 with the rebuild id and a
 *     {@code Location}; 409 while one of them is being rebuilt; 404 for an unknown name;</li>
 *     <li>{@code DELETE /api/v1/admin/projections/{name}/rebuild}: abandons a running rebuild (204; 404 if none).</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/api/v1/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProjectionAdminController {

    /** Every path under {@code /api/v1/admin} needs the ADMIN role (401 without credentials, 403 for others). */
    public static final AuthorizationRules RULES = new AuthorizationRules() {
        @Override
        public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers("/api/v1/admin", "/api/v1/admin/**").hasRole(AttainRole.ADMIN.name());
        }
    };

    private final ProjectionRuntime runtime;

    public ProjectionAdminController(ProjectionRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping
    public Mono<Map<String, Object>> all() {
        return blocking(() -> Map.of("projections", runtime.status()));
    }

    @GetMapping("/{name}")
    public Mono<ProjectionRuntime.Status> one(@PathVariable String name) {
        return blocking(() -> runtime.status(name));
    }

    @PostMapping("/{name}/rebuild")
    public Mono<ResponseEntity<Map<String, Object>>> rebuild(@PathVariable String name) {
        return blocking(() -> {
            ProjectionRuntime.Started started = runtime.rebuild(name);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("rebuildId", started.id());
            body.put("projection", name);
            body.put("headAtStart", started.headAtStart());
            body.put("generations", started.generations());
            URI location = URI.create("/api/v1/admin/projections" + ("all".equals(name) ? "" : "/" + name));
            body.put("status", location.toString());
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(body);
        });
    }

    @DeleteMapping("/{name}/rebuild")
    public Mono<ResponseEntity<Void>> abandon(@PathVariable String name) {
        return blocking(() -> {
            if (!runtime.abandon(name)) {
                throw new ProblemException(ProblemType.NOT_FOUND, "no rebuild of " + name + " is in progress",
                                           List.of(new Violation("name", "no rebuild in progress")));
            }
            return ResponseEntity.noContent().build();
        });
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    @ExceptionHandler(ProjectionRuntime.UnknownProjectionException.class)
    public Mono<Void> unknown(ProjectionRuntime.UnknownProjectionException e, ServerWebExchange exchange) {
        return ProblemWriter.write(exchange, new ProblemException(
                ProblemType.NOT_FOUND, e.getMessage() + " (one of " + String.join(", ", runtime.names())
                                       + ", or all)", List.of(new Violation("name", "no such projection")))
                .toProblemDetail());
    }

    /** 409: a rebuild of the projection is already running. */
    @ExceptionHandler(ProjectionRuntime.RebuildInProgressException.class)
    public Mono<Void> busy(ProjectionRuntime.RebuildInProgressException e, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("urn:attain:problem:rebuild-in-progress"));
        problem.setTitle("Rebuild in progress");
        problem.setProperty("projections", e.projections());
        problem.setProperty("errors", List.of(new Violation("name", "a rebuild is already in progress")));
        return ProblemWriter.write(exchange, problem);
    }
}
