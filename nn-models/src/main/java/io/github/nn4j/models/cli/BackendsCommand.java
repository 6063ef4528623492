package io.github.nn4j.models.cli;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendRegistry;
import io.github.nn4j.api.backend.BackendStatus;
import io.github.nn4j.api.backend.Backends;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nn4j backends}: every backend found on the classpath, whether it works here, and which one is selected. */
@Command(name = "backends", aliases = "doctor", mixinStandardHelpOptions = true,
        description = "List the backends found, whether each is available (and why not), its priority, and which is selected.")
public final class BackendsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackendRegistry registry = Backends.registry();
        String requested = registry.requestedName();
        out.println("Selection: " + (requested == null
                ? "automatic (highest priority available; set -D" + BackendRegistry.PROPERTY + "=NAME or "
                        + BackendRegistry.ENV + "=NAME to choose)"
                : "'" + requested + "' requested by " + BackendRegistry.PROPERTY + "/" + BackendRegistry.ENV));
        out.printf("%-3s %-8s %-9s %-11s %s%n", "", "NAME", "PRIORITY", "AVAILABLE", "DETAILS");
        boolean anySelected = false;
        for (BackendStatus s : registry.describe()) {
            String details = s.reason();
            if (s.available()) {
                Backend b = Backends.get(s.name());
                details = b.description();
            }
            out.printf("%-3s %-8s %-9d %-11s %s%n", s.selected() ? "*" : "", s.name(), s.priority(),
                    s.available() ? "yes" : "no", details);
            anySelected |= s.selected();
        }
        out.println(anySelected ? "* = selected" : "No backend is selected: " + selectionProblem(registry));
        out.flush();
        return anySelected ? 0 : 2;
    }

    private static String selectionProblem(BackendRegistry registry) {
        try {
            registry.selected();
            return "unknown";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
