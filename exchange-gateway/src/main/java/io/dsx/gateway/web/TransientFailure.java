package io.dsx.gateway.web;

/**
 * A failure that changed nothing and may well not happen again (a Kafka transaction the broker
 * aborted, say): answered 503 with {@code Retry-After} and a stable code, so clients send the same
 * request again. Logged as a warning with the cause's class only, never its message.
 */
public final class TransientFailure extends IllegalStateException {

    private final String code;

    public TransientFailure(String code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
