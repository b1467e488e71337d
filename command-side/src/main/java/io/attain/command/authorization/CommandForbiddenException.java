package io.attain.command.authorization;

/** The sender's role does not allow this command for this rep, team or deal (HTTP 403). */
public class CommandForbiddenException extends RuntimeException {

    public CommandForbiddenException(String message) {
        super(message);
    }
}
