package io.github.nn4j.benchmarks.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs JMH and writes the results as {@code jmh-result.json} (JMH's own JSON) and {@code results.md} (the
 * {@link MarkdownReport}) into an output directory.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.nn4j.benchmarks.reporting.BenchmarkMain [--out DIR] [--command TEXT] [JMH options]
 * </pre>
 *
 * <p>Everything after the two options of its own goes to JMH unchanged (benchmark regexps, {@code -f}, {@code -wi},
 * {@code -p backend=pure,nd4j}, {@code -prof gc}, ...). {@code --command} is the command line to print in the
 * report (default: this one). Both files are written complete or not at all. Exit status: 0 after writing the
 * report (also when some benchmarks failed; the report shows which), 1 when JMH could not run, 2 for bad
 * arguments.
 */
public final class BenchmarkMain {
    /** Name of the JMH JSON file in the output directory. */
    public static final String JSON_FILE = "jmh-result.json";
    /** Name of the Markdown report in the output directory. */
    public static final String MARKDOWN_FILE = "results.md";

    private BenchmarkMain() {
    }

    /** Command-line entry point; see the class description. */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (IllegalArgumentException | CommandLineOptionException e) {
            System.err.println("nn4j benchmarks: " + e.getMessage());
            status = 2;
        } catch (IOException | RunnerException e) {
            System.err.println("nn4j benchmarks: " + e);
            status = 1;
        }
        // Backends may keep non-daemon worker threads alive; the run is over.
        System.exit(status);
    }

    /**
     * Runs the benchmarks and writes both files.
     *
     * @return the process exit status
     */
    public static int run(String[] args) throws IOException, RunnerException, CommandLineOptionException {
        Path out = Path.of("benchmark-results");
        String command = "BenchmarkMain " + String.join(" ", args);
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") || args[i].equals("--command")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                if (args[i].equals("--out")) {
                    out = Path.of(args[++i]);
                } else {
                    command = args[++i];
                }
            } else {
                jmhArgs.add(args[i]);
            }
        }
        CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        if (cli.shouldHelp()) {
            cli.showHelp();
            return 0;
        }
        Files.createDirectories(out);
        Path json = out.resolve(JSON_FILE);
        Path partialJson = out.resolve(JSON_FILE + ".partial");

        RunEnvironment env = RunEnvironment.capture(command);
        Options options = new OptionsBuilder().parent(cli)
                .resultFormat(ResultFormatType.JSON)
                .result(partialJson.toString())
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        env = env.withLoadAfter(RunEnvironment.loadAverage());
        if (Files.exists(partialJson)) {
            Files.move(partialJson, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        List<Measurement> measurements = new ArrayList<>();
        for (RunResult r : runs) {
            measurements.add(Measurement.of(r));
        }
        String markdown = new MarkdownReport(env, measurements, name -> declaredBackends(name, cli)).render();
        Path partialMd = out.resolve(MARKDOWN_FILE + ".partial");
        Files.writeString(partialMd, markdown, StandardCharsets.UTF_8);
        Files.move(partialMd, out.resolve(MARKDOWN_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        System.out.println("nn4j benchmarks: wrote " + out.resolve(MARKDOWN_FILE) + " and " + json);
        return 0;
    }

    /**
     * The backends a benchmark was asked to run: the values of its class's {@code backend} {@link Param}, or,
     * when {@code -p backend=...} overrides them, those override values that make sense for it (a standard
     * backend the class does not declare, such as {@code dl4j} for GEMM, is left out; other names are kept).
     */
    static List<String> declaredBackends(String benchmark, Options options) {
        List<String> declared = List.of();
        String className = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
        try {
            Param p = Class.forName(className).getField("backend").getAnnotation(Param.class);
            declared = p == null ? List.of() : Arrays.asList(p.value());
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            // not one of ours, or no backend parameter: no declared columns
        }
        if (!options.getParameter("backend").hasValue()) {
            return declared;
        }
        List<String> out = new ArrayList<>();
        for (String b : options.getParameter("backend").get()) {
            if (declared.contains(b) || !BackendInfo.STANDARD.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }
}
