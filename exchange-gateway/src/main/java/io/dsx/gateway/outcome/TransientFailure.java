package io.dsx.gateway.outcome;

/**
 * A failure that changed nothing and may well not happen again (a Kafka write the broker aborted, say):
 * answered with its code's status (503) and {@code Retry-After}, so clients send the same request again.
 * Logged as a warning with the cause's class only, never its message.
 */
public final class TransientFailure extends IllegalStateException {

    private final Refusal.Code code;

    public TransientFailure(Refusal.Code code, String detail, Throwable cause) {
        super(detail, cause);
        if (code.status() != 503) {
            throw new IllegalArgumentException(code + " is not a transient failure's code");
        }
        this.code = code;
    }

    public Refusal.Code code() {
        return code;
    }
}
