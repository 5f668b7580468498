package io.dsx.policy.ast;

import io.dsx.policy.value.Value;
import java.util.List;

/** A Rego term. */
public sealed interface Term {
    Loc loc();

    /** A constant: null, boolean, number or string (or any value after constant folding). */
    record Scalar(Value value, Loc loc) implements Term {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A variable. Compiler-generated names ({@code __local0__}, {@code $1}) are variables too. */
    record Var(String name, Loc loc) implements Term {
        /** Names are interned so evaluation can compare them by reference. */
        public Var {
            name = name.intern();
        }

        @Override
        public String toString() {
            return name;
        }

        public boolean isWildcard() {
            return name.startsWith("_");
        }
    }

    /** {@code head.path[0][1]...}; dotted names are string scalars in the path. */
    record Ref(Term head, List<Term> path, Loc loc) implements Term {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(head.toString());
            for (Term t : path) {
                if (t instanceof Scalar s
                        && s.value() instanceof io.dsx.policy.value.StringValue sv
                        && sv.value().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    sb.append('.').append(sv.value());
                } else {
                    sb.append('[').append(t).append(']');
                }
            }
            return sb.toString();
        }
    }

    record ArrayTerm(List<Term> elems, Loc loc) implements Term {}

    record SetTerm(List<Term> elems, Loc loc) implements Term {}

    record ObjectTerm(List<Entry> entries, Loc loc) implements Term {}

    record Entry(Term key, Term value) {}

    record ArrayCompr(Term term, List<Expr> body, Loc loc) implements Term {}

    record SetCompr(Term term, List<Expr> body, Loc loc) implements Term {}

    record ObjectCompr(Term key, Term value, List<Expr> body, Loc loc) implements Term {}

    /**
     * A call in term position, {@code f(x)}. Operator is a name: a builtin ({@code "count"}) or,
     * after compilation, a function's data path ({@code "data.pkg.f"}).
     */
    record Call(String operator, List<Term> args, Loc loc) implements Term {
        /** Operator names are interned: call targets are memoised by name on the hot path. */
        public Call {
            operator = operator.intern();
        }

        @Override
        public String toString() {
            return operator + args;
        }
    }

    /** A template string {@code $"a {x} b"}: parts are literal strings and terms. */
    record Template(List<Object> parts, Loc loc) implements Term {}
}
