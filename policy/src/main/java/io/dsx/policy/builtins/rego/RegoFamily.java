package io.dsx.policy.builtins.rego;

import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.parse.AstJson;
import io.dsx.policy.parse.Parser;

/**
 * {@code rego.parse_module}: parses module text (bounded like any module) into OPA's AST JSON.
 * {@code rego.metadata.rule} and {@code chain} need no implementation here: the compiler
 * replaces them with the rule's annotations, as OPA's does.
 */
public final class RegoFamily implements BuiltinFamily {
    @Override
    public void register(BuiltinRegistrar r) {
        r.add("rego.parse_module", c -> {
            String file = c.string(0);
            String text = c.string(1);
            try {
                return AstJson.module(Parser.parseModule(text, file));
            } catch (RegoException e) {
                throw new BuiltinException(BuiltinException.Kind.BUILTIN, e.getMessage());
            }
        });
    }
}
