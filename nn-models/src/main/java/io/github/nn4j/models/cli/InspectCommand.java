package io.github.nn4j.models.cli;

import io.github.nn4j.api.network.TrainingProgress;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.persist.ModelFormatException;
import io.github.nn4j.api.persist.ModelInfo;
import io.github.nn4j.api.persist.TensorInfo;
import io.github.nn4j.datasets.files.Sha256;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nn4j inspect FILE}: validates a model file or checkpoint exactly as loading does (without creating tensors)
 * and prints its architecture, parameter count, dtype, tensor table and SHA-256; a damaged file ends with the
 * loader's message and exit code {@value #EXIT_MODEL}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a model file (e.g. report/autoencoder.safetensors) holds: format, architecture, "
                + "parameter count, dtype, tensors and the file's SHA-256. Checks the file as loading does; a damaged "
                + "file is reported with what is wrong and exit code " + InspectCommand.EXIT_MODEL + "."})
public final class InspectCommand implements Callable<Integer> {
    /** Exit code when the file cannot be read or is not a valid model file. */
    static final int EXIT_MODEL = 6;

    @Parameters(paramLabel = "FILE", description = "The model file (safetensors, written by nn4j).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelInfo info;
        String sha256;
        try {
            info = ModelFiles.inspect(file);
            sha256 = Sha256.of(file);
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: " + describe(e));
            return EXIT_MODEL;
        }
        out.printf("%s%n", file);
        out.printf(Locale.ROOT, "  size          %,d bytes%n", info.size());
        out.printf("  SHA-256       %s%n", sha256);
        out.printf("  format        nn4j model file (safetensors), format version %d, written by nn4j %s%n",
                info.formatVersion(), info.nn4jVersion());
        out.printf("  dtype         %s (%s)%n", info.metadata().get("nn4j.dtype"), info.dtype());
        out.printf(Locale.ROOT, "  parameters    %,d%n", info.parameterCount());
        if (info.isCheckpoint()) {
            ModelInfo.Optimizer o = info.optimizer();
            out.printf(Locale.ROOT, "  checkpoint    optimizer %s %s after %,d steps%n", o.type(), o.config(), o.steps());
            TrainingProgress p = info.training();
            if (p != null) {
                out.printf(Locale.ROOT, "  training      after epoch %d (seed %d, batch size %s, %s, %,d samples)%n",
                        p.epoch(), p.seed(), p.batchSize() == 0 ? "full" : Integer.toString(p.batchSize()),
                        p.shuffle() ? "shuffled" : "not shuffled", p.samples());
            }
        }

        out.printf("%nArchitecture (%d layers):%n", info.layers().size());
        int typeWidth = info.layers().stream().mapToInt(l -> l.type().length()).max().orElse(4);
        for (int i = 0; i < info.layers().size(); i++) {
            ModelInfo.Layer l = info.layers().get(i);
            String line = String.format("  %2d  %-" + typeWidth + "s  %s", i, l.type(),
                    l.config().keys().isEmpty() ? "" : l.config().toString());
            out.println(line.stripTrailing());
        }

        out.printf("%nTensors (%d; offsets count from the end of the header):%n", info.tensors().size());
        int nameWidth = Math.max(4, info.tensors().stream().mapToInt(t -> t.name().length()).max().orElse(4));
        String row = "  %-" + nameWidth + "s  %-5s  %-14s  %12s  %s%n";
        out.printf(row, "NAME", "DTYPE", "SHAPE", "BYTES", "DATA OFFSETS");
        for (TensorInfo t : info.tensors()) {
            out.printf(Locale.ROOT, row, t.name(), t.dtype(), t.shape(), String.format(Locale.ROOT, "%,d", t.byteLength()),
                    "[" + t.begin() + ", " + t.end() + ")");
        }
        out.flush();
        return 0;
    }

    /** The message for a model file that cannot be used: the loader's own for a bad file. */
    static String describe(IOException e) {
        if (e instanceof ModelFormatException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + ": no such file";
        }
        return e.toString();
    }
}
