package io.attain.eventstore;

/** The server refused one commit of a group (its own error, not its neighbours'); nothing of it was written. */
final class CommitRefusedException extends RuntimeException {

    private final int code;

    CommitRefusedException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    int code() {
        return code;
    }
}
