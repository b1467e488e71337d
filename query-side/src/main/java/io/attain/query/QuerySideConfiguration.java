package io.attain.query;

import org.springframework.context.annotation.Configuration;

/**
 * Entry point of the query side: projections of the event log into MongoDB read models, their query handlers and
 * the query API. The read models arrive with the read-side issue; until then the side contributes no beans.
 */
@Configuration(proxyBeanMethods = false)
public class QuerySideConfiguration {
}
