package io.attain.command.domain;

/** The command would create something that already exists (HTTP 409). */
public class DuplicateException extends DomainRuleViolation {

    public DuplicateException(String field, String rule) {
        super(field, rule);
    }
}
