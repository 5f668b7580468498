package io.dsx.policy.builtins;

/**
 * A builtin's declaration from OPA's capabilities: its name, number of input operands, whether
 * it returns a value (functions) or only succeeds/fails, and its flags.
 *
 * @param name OPA name, e.g. {@code "units.parse"}
 * @param arity number of input operands
 * @param hasResult whether the builtin produces a result (a final output operand)
 * @param relation whether the builtin may produce several results ({@code walk})
 * @param nondeterministic whether results depend on time, randomness or the outside world
 * @param infix the operator, e.g. {@code "+"}, or null
 * @param variadic whether it takes any number of operands ({@code print})
 */
public record BuiltinDeclaration(
        String name,
        int arity,
        boolean hasResult,
        boolean relation,
        boolean nondeterministic,
        String infix,
        boolean variadic) {}
