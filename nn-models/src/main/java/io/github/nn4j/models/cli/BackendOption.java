package io.github.nn4j.models.cli;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import picocli.CommandLine.Option;

/** The {@code --backend} option shared by the commands that compute (a picocli mixin). */
public final class BackendOption {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend to use (pure, jblas, nd4j, ...). Default: the nn4j.backend property, then the "
                    + "NN4J_BACKEND variable, then the available backend with the highest priority.")
    String name;

    /** The chosen backend; throws BackendUnavailableException listing the backends found when it is not there. */
    public Backend resolve() {
        return name == null || name.isBlank() ? Backends.get() : Backends.get(name);
    }
}
