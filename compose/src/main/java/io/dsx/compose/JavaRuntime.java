package io.dsx.compose;

import java.nio.file.Files;
import java.nio.file.Path;

/** The java executable child JVMs run with: the one running this launcher. */
final class JavaRuntime {

    private JavaRuntime() {}

    static String javaExecutable() {
        Path home = Path.of(System.getProperty("java.home"));
        Path java = home.resolve("bin").resolve("java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    static String javaHome() {
        return System.getProperty("java.home");
    }
}
