package io.attain.query.kpi;

import io.attain.platform.security.AuthorizationRules;
import io.attain.query.projection.Generations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The KPIs' queries and path rule (its projection is registered with the others in the query side's runtime). */
@Configuration(proxyBeanMethods = false)
public class KpiConfiguration {

    @Bean
    public KpiQueries kpiQueries(Generations generations) {
        return new KpiQueries(generations);
    }

    /** {@code /api/v1/kpis/**}: ADMIN, FINANCE, AUDITOR, MANAGER. */
    @Bean
    public AuthorizationRules attainKpiRules() {
        return KpiController.RULES;
    }
}
