package io.github.nn4j.models.cli;

import io.github.nn4j.api.backend.BackendUnavailableException;
import io.github.nn4j.api.network.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code nn4j} command-line app (started by the {@code ./nn4j} launcher). */
@Command(name = "nn4j", mixinStandardHelpOptions = true, version = "nn4j 0.1.0-SNAPSHOT",
        description = "nn4j: a neural-network library for the JVM with pluggable backends. Reproduces the "
                + "'build your own neural network library' report.",
        subcommands = {XorCommand.class, ReproduceCommand.class, ClassifyCommand.class, InspectCommand.class, BackendsCommand.class,
            CommandLine.HelpCommand.class})
public final class Nn4jApp implements Runnable {
    /** Exit code when the requested backend is missing or unavailable. */
    static final int EXIT_BACKEND_UNAVAILABLE = 2;
    /** Exit code when training diverged. */
    static final int EXIT_DIVERGED = 3;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the app's error handling; used by {@link #main} and by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Nn4jApp());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BackendUnavailableException) {
                cmd.getErr().println("error: " + e.getMessage());
                return EXIT_BACKEND_UNAVAILABLE;
            }
            if (e instanceof TrainingDivergedException) {
                cmd.getErr().println("error: " + e.getMessage());
                return EXIT_DIVERGED;
            }
            throw e;
        });
        return cl;
    }

    /** Runs the app and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
