package io.attain.command;

import org.springframework.context.annotation.Configuration;

/**
 * Entry point of the command side: aggregates, command handlers and sagas, and the HTTP command API. Aggregates
 * live in {@code io.attain.command.domain}; Axon finds them by their {@code @Aggregate} annotation.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {
}
