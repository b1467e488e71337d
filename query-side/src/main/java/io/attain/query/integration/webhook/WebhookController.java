package io.attain.query.integration.webhook;

import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import io.attain.platform.security.AuthorizationRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code /api/v1/webhooks} (ADMIN, INTEGRATOR; see {@link WebhookRegistry} for the rules):
 * <ul>
 *     <li>{@code POST} {@code {url, types?, from?, description?}} → 201 with the webhook and its {@code secret}
 *     (shown this once);</li>
 *     <li>{@code GET} → {@code {webhooks: […]}}; {@code GET/PATCH/DELETE /{id}};</li>
 *     <li>{@code GET /{id}/deliveries?limit=} → the latest attempts, newest first;</li>
 *     <li>{@code POST /{id}/replay} {@code {from}}: deliver again from that position (inclusive);</li>
 *     <li>{@code POST /{id}/secret-rotation}: a new secret; the former one keeps signing during the overlap.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
public class WebhookController {

    /** ADMIN and INTEGRATOR only (401 without credentials, 403 for the other roles). */
    public static final AuthorizationRules RULES = new AuthorizationRules() {
        @Override
        public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
                     .hasAnyRole(AttainRole.ADMIN.name(), AttainRole.INTEGRATOR.name());
        }
    };

    private final WebhookRegistry registry;

    public WebhookController(WebhookRegistry registry) {
        this.registry = registry;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> register(@AuthenticationPrincipal AttainPrincipal principal,
                                                              @RequestBody Map<String, Object> body) {
        return blocking(() -> {
            WebhookRegistry.Created created = registry.register(principal, body);
            Map<String, Object> view = new LinkedHashMap<>(WebhookRegistry.view(created.webhook()));
            view.put("secret", created.secret());
            return ResponseEntity.status(HttpStatus.CREATED)
                                 .location(URI.create("/api/v1/webhooks/" + created.webhook().id()))
                                 .body(view);
        });
    }

    @GetMapping
    public Mono<Map<String, Object>> list(@AuthenticationPrincipal AttainPrincipal principal) {
        return blocking(() -> Map.of("webhooks",
                                     registry.list(principal).stream().map(WebhookRegistry::view).toList()));
    }

    @GetMapping("/{id}")
    public Mono<Map<String, Object>> get(@AuthenticationPrincipal AttainPrincipal principal, @PathVariable String id) {
        return blocking(() -> WebhookRegistry.view(registry.get(principal, id)));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> patch(@AuthenticationPrincipal AttainPrincipal principal,
                                           @PathVariable String id, @RequestBody Map<String, Object> body) {
        return blocking(() -> WebhookRegistry.view(registry.patch(principal, id, body)));
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal AttainPrincipal principal,
                                             @PathVariable String id) {
        return blocking(() -> {
            registry.delete(principal, id);
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping("/{id}/deliveries")
    public Mono<Map<String, Object>> deliveries(@AuthenticationPrincipal AttainPrincipal principal,
                                                @PathVariable String id,
                                                @RequestParam(name = "limit", required = false) String limit) {
        int n = limit(limit);
        return blocking(() -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("webhookId", id);
            view.put("deliveries", registry.deliveries(principal, id, n).stream().map(WebhookRegistry::view)
                                           .toList());
            return view;
        });
    }

    @PostMapping(path = "/{id}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> replay(@AuthenticationPrincipal AttainPrincipal principal,
                                            @PathVariable String id, @RequestBody Map<String, Object> body) {
        return blocking(() -> WebhookRegistry.view(registry.replay(principal, id, body)));
    }

    @PostMapping("/{id}/secret-rotation")
    public Mono<Map<String, Object>> rotate(@AuthenticationPrincipal AttainPrincipal principal,
                                            @PathVariable String id,
                                            @RequestBody(required = false) Map<String, Object> body) {
        return blocking(() -> {
            WebhookRegistry.Rotated rotated = registry.rotate(principal, id, body == null ? Map.of() : body);
            Map<String, Object> view = new LinkedHashMap<>(WebhookRegistry.view(rotated.webhook()));
            view.put("secret", rotated.secret());
            view.put("previousSecretExpiresAt", rotated.previousExpiresAt().toString());
            return view;
        });
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(limit.trim());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new ProblemException(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "limit is invalid",
                                   List.of(new Violation("limit", "must be an integer from 1 to 1000")), null);
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
