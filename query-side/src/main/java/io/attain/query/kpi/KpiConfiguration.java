package io.attain.query.kpi;

import io.attain.query.projection.Generations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The KPIs' queries (its projection is registered with the others in the query side's runtime). */
@Configuration(proxyBeanMethods = false)
public class KpiConfiguration {

    @Bean
    public KpiQueries kpiQueries(Generations generations) {
        return new KpiQueries(generations);
    }
}
