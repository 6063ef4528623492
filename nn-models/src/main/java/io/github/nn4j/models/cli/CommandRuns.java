package io.github.nn4j.models.cli;

import io.github.nn4j.models.reporting.ReportDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/** What the commands that write a report share about their run: how it was started, and what to say when killed. */
final class CommandRuns {
    private CommandRuns() {
    }

    /** How this run was started, e.g. {@code ./nn4j reproduce --quick}. */
    static String commandLine(CommandSpec spec) {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int self = args.indexOf(spec.name());
        List<String> own = self >= 0 ? args.subList(self + 1, args.size()) : args;
        return "./nn4j " + spec.name() + (own.isEmpty() ? "" : " " + String.join(" ", own));
    }

    /**
     * The report directory {@code --out}, prepared before any work (see {@link ReportDirectory#prepare}); a directory
     * that cannot be used is an invalid {@code --out} with the reason.
     */
    static ReportDirectory prepareReport(CommandSpec spec, OptionChecks check, Path out) {
        try {
            return ReportDirectory.prepare(out, interruptionPrinter(spec));
        } catch (IOException e) {
            throw check.invalid("--out", out, e.getMessage());
        }
    }

    /** Prints, for the report directory's shutdown hook, what an interruption (Ctrl-C, kill) left. */
    static Consumer<String> interruptionPrinter(CommandSpec spec) {
        return message -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println();
            err.println("nn4j: " + message);
            err.flush();
        };
    }
}
