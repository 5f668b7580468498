package io.dsx.policy.builtins.net;

import java.util.Set;

/**
 * Resolves a host name for {@code net.lookup_ip_addr}. dsx evaluates policies without network
 * access, so the default resolver refuses every name: a policy that depends on DNS is denied
 * (fail closed) with a clear error instead of depending on the machine it runs on.
 */
@FunctionalInterface
public interface HostResolver {

    /** The default: no name resolution at all. */
    HostResolver DISABLED = name -> {
        throw new IllegalArgumentException("name resolution is disabled in dsx policies (cannot look up " + name + ")");
    };

    /**
     * The addresses of {@code name} in Go's text form.
     *
     * @throws IllegalArgumentException when the name cannot be resolved (the builtin's error text)
     */
    Set<String> lookup(String name);
}
