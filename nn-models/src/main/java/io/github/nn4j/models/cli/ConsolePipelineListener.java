package io.github.nn4j.models.cli;

import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.models.reproduce.MnistPipelineListener;
import io.github.nn4j.models.svm.GridPoint;
import io.github.nn4j.models.svm.SvmExperimentListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints the MNIST pipeline's progress: phases, the autoencoder's and the classifier's progress bars, each SVM grid
 * point.
 */
final class ConsolePipelineListener implements MnistPipelineListener {
    private final PrintWriter out;
    private final boolean interactive;
    private final EpochProgressBar epochs;
    private final EpochProgressBar classifierEpochs;

    ConsolePipelineListener(PrintWriter out, boolean interactive, int trainSamples, int batchSize,
                            int classifierBatchSize) {
        this.out = out;
        this.interactive = interactive;
        this.epochs = new EpochProgressBar(out, trainSamples, batchSize, interactive);
        this.classifierEpochs = new EpochProgressBar(out, trainSamples, classifierBatchSize, interactive);
    }

    @Override
    public void phase(String description) {
        out.printf("%n== %s%n", description);
        out.flush();
    }

    @Override
    public TrainingListener training() {
        return epochs;
    }

    @Override
    public TrainingListener classifierTraining() {
        return classifierEpochs;
    }

    @Override
    public SvmExperimentListener svm(String name) {
        return new SvmExperimentListener() {
            @Override
            public void gridPointDone(int index, int total, GridPoint p) {
                synchronized (out) {
                    out.printf(Locale.ROOT, "  grid %2d/%d  %-48s validation accuracy %.4f  (fit %.1f s)%n", index,
                            total, p.candidate(), p.validationAccuracy(), p.fitSeconds());
                    out.flush();
                }
            }

            @Override
            public void finalFitProgress(int done, int total) {
                synchronized (out) {
                    if (interactive) {
                        out.printf(Locale.ROOT, "\r  final fit on all training vectors: %d/%d binary machines", done,
                                total);
                        if (done == total) {
                            out.println();
                        }
                    } else if (done == total) {
                        out.printf(Locale.ROOT, "  final fit on all training vectors: %d binary machines trained%n",
                                total);
                    }
                    out.flush();
                }
            }
        };
    }
}
