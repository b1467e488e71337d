package io.attain.command.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}); both need a
 * bearer token like every other endpoint except the health probes.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI attainOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Attain API").version("v1").description("""
                        Commands of the sales organisation: regions, teams, reps, targets, activities, deals and \
                        product lines; and of compensation: plans, exchange rates and commission statements (submit, \
                        approve, lock, pay, disputes; their lines are booked by the commission process). Every request needs `Authorization: Bearer <token>`. A successful write \
                        answers `{"aggregateId", "version", "position"}` (201 with `Location` for creations). \
                        Errors are `application/problem+json` with `errors: [{field, rule}]`. POST and PUT accept \
                        an `Idempotency-Key` header."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
