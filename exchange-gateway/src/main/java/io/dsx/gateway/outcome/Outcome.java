package io.dsx.gateway.outcome;

/** A service's answer: a value, or an expected {@link Refusal}. Exceptions are for bugs and broken infrastructure. */
public sealed interface Outcome<T> {

    record Ok<T>(T value) implements Outcome<T> {}

    record Refused<T>(Refusal refusal) implements Outcome<T> {}

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> refused(Refusal.Code code, String detail) {
        return new Refused<>(new Refusal(code, detail));
    }

    /** The value, or the refusal thrown for the web package to answer (controllers only). */
    default T orThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new Refusal.Exception(((Refused<T>) this).refusal());
    }
}
