package io.attain.command.domain;

/** The values of a command break a business rule (HTTP 422, or 400). */
public class InvalidCommandException extends DomainRuleViolation {

    public InvalidCommandException(String field, String rule) {
        super(field, rule);
    }
}
