package io.github.nn4j.models.cli;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.network.EpochStats;
import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.api.network.TrainingWarning;
import io.github.nn4j.models.xor.XorExperiment;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nn4j xor}: trains the report's XOR network and prints the loss curve and predictions. */
@Command(name = "xor", mixinStandardHelpOptions = true,
        description = "Train the report's XOR network (2-4-1, tanh/sigmoid, MSE, SGD lr 0.5, full batch).")
public final class XorCommand implements Callable<Integer> {
    @Mixin
    BackendOption backend;

    @Option(names = "--seed", defaultValue = "42", description = "Weight-initialisation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "20000", description = "Full-batch epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--learning-rate", defaultValue = "0.5", description = "SGD learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--log-every", defaultValue = "2000",
            description = "Print the loss every N epochs, 0 for never (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OptionChecks check = new OptionChecks(spec);
        check.atLeast("--epochs", epochs, 1);
        check.positiveFinite("--learning-rate", learningRate);
        check.atLeast("--log-every", logEvery, 0);
        PrintWriter out = spec.commandLine().getOut();
        Backend be = backend.resolve();
        out.printf("XOR on backend %s (%s), seed %d, %d epochs, lr %s%n", be.name(), be.description(), seed, epochs,
                learningRate);
        TrainingListener printer = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats s) {
                if (logEvery > 0 && (s.epoch() % logEvery == 0 || s.epoch() == 1)) {
                    out.printf(Locale.ROOT, "  epoch %6d  loss %.6f%n", s.epoch(), s.loss());
                }
            }

            @Override
            public void onWarning(TrainingWarning w) {
                out.printf(Locale.ROOT, "  warning, %s%n", w);
            }
        };
        XorExperiment.Result r = XorExperiment.run(be, new XorExperiment.Config(epochs, learningRate, seed), printer);
        out.println("  input   target  prediction  thresholded");
        for (int i = 0; i < 4; i++) {
            double[] in = XorExperiment.INPUTS[i];
            out.printf(Locale.ROOT, "  %.0f %.0f   %.0f       %.6f    %d%n", in[0], in[1], XorExperiment.TARGETS[i][0],
                    r.predictions()[i], r.thresholded()[i]);
        }
        out.printf(Locale.ROOT, "Thresholded: %d %d %d %d (%s)%n", r.thresholded()[0], r.thresholded()[1],
                r.thresholded()[2], r.thresholded()[3], r.solved() ? "XOR solved" : "NOT solved");
        out.printf(Locale.ROOT, "Final MSE %.6f; training time %.3f s%n", r.finalLoss(), r.history().trainingSeconds());
        out.flush();
        return r.solved() ? 0 : 1;
    }
}
