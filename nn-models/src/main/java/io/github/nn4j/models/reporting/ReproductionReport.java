package io.github.nn4j.models.reporting;

import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.models.reproduce.MachineInfo;
import io.github.nn4j.models.reproduce.MnistPipelineResult;
import io.github.nn4j.models.xor.XorExperiment;
import java.time.Instant;

/**
 * Everything the reproduction report shows.
 *
 * @param command            the command line that produced it
 * @param started            when the run started
 * @param totalSeconds       wall time of the whole run
 * @param backend            the backend's name
 * @param backendDescription the backend's one-line description
 * @param machine            the machine
 * @param data               the data files: where they came from, their digests, whether they are MNIST's
 * @param quick              whether this was a {@code --quick} run (a subset and few epochs)
 * @param seed               the seed of everything random
 * @param splitDescription   how the training images were split into training and validation
 * @param xorConfig          the XOR settings
 * @param xor                the XOR result
 * @param xorSeconds         wall time of the XOR experiment
 * @param mnist              the MNIST pipeline's results
 */
public record ReproductionReport(String command, Instant started, double totalSeconds, String backend,
        String backendDescription, MachineInfo machine, MnistFileSet data, boolean quick, long seed,
        String splitDescription, XorExperiment.Config xorConfig, XorExperiment.Result xor, double xorSeconds,
        MnistPipelineResult mnist) {
}
