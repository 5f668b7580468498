package io.dsx.schemas.envelope;

import java.util.function.Function;

/** The value of a step on an envelope, or the reason it was refused. */
public sealed interface EnvelopeResult<T> {

    record Ok<T>(T value) implements EnvelopeResult<T> {}

    /** A refusal; {@code detail} is for humans and never holds key or record bytes. */
    record Failed<T>(EnvelopeFailure reason, String detail) implements EnvelopeResult<T> {}

    static <T> EnvelopeResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> EnvelopeResult<T> failed(EnvelopeFailure reason, String detail) {
        return new Failed<>(reason, detail);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; a bug to call on a failure. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        Failed<T> f = (Failed<T>) this;
        throw new IllegalStateException("no value: " + f.reason() + ": " + f.detail());
    }

    /** The failure reason, or null on success. */
    default EnvelopeFailure failure() {
        return this instanceof Failed<T> f ? f.reason() : null;
    }

    default <U> EnvelopeResult<U> then(Function<T, EnvelopeResult<U>> next) {
        if (this instanceof Ok<T> ok) {
            return next.apply(ok.value());
        }
        Failed<T> f = (Failed<T>) this;
        return new Failed<>(f.reason(), f.detail());
    }
}
