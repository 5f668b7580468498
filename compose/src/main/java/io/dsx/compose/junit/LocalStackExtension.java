package io.dsx.compose.junit;

import io.dsx.compose.LocalStack;
import io.dsx.compose.SharedStack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the run's {@link LocalStack} (a real KRaft broker and a real Keycloak as processes) into
 * test constructors and methods: {@code @ExtendWith(LocalStackExtension.class)}. The stack starts on
 * first use and is shared by every class of the run; Spring tests reach the same instance through
 * {@link SharedStack#get()} in a {@code @DynamicPropertySource}.
 */
public final class LocalStackExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SharedStack.get();
    }
}
