package io.github.nn4j.models.reporting;

import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.models.classifier.ClassifierResult;
import io.github.nn4j.models.reproduce.MachineInfo;
import java.time.Instant;

/**
 * Everything {@code ./nn4j classify}'s report shows.
 *
 * @param command            the command line that produced it
 * @param started            when the run started
 * @param totalSeconds       wall time of the whole run
 * @param backendDescription the backend's one-line description
 * @param machine            the machine
 * @param data               the data files
 * @param trainImages        training images
 * @param validationImages   validation images
 * @param splitDescription   how the training images were split
 * @param result             the classifier's training and test results
 */
public record ClassifierReport(String command, Instant started, double totalSeconds, String backendDescription,
        MachineInfo machine, MnistFileSet data, int trainImages, int validationImages, String splitDescription,
        ClassifierResult result) {
}
