package io.github.nn4j.models.cli;

import io.github.nn4j.datasets.files.FileDownloader;
import io.github.nn4j.datasets.files.FileProblems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Checks of option values that picocli's type conversion cannot do, made before a command does any work. A bad value
 * is a {@link ParameterException} in picocli's own words ({@code Invalid value for option '--epochs': ...}), which
 * picocli prints with the usage help and turns into exit status 2, as for a value of the wrong type.
 */
final class OptionChecks {
    private final CommandSpec spec;

    OptionChecks(CommandSpec spec) {
        this.spec = spec;
    }

    /** The error for {@code option} having {@code value} (shown as the user typed it), because {@code why}. */
    ParameterException invalid(String option, Object value, String why) {
        Object shown = value;
        ParseResult parsed = spec.commandLine().getParseResult();
        OptionSpec matched = parsed == null ? null : parsed.matchedOption(option);
        if (matched != null && !matched.stringValues().isEmpty()) {
            shown = matched.stringValues().get(matched.stringValues().size() - 1);
        }
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + shown + " ("
                + why + ")");
    }

    void atLeast(String option, long value, long min) {
        if (value < min) {
            throw invalid(option, value, "must be at least " + min);
        }
    }

    void positiveFinite(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw invalid(option, value, "must be a positive number");
        }
    }

    /** A probability of dropping: in [0, 1). */
    void rate(String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw invalid(option, value, "must be in [0, 1)");
        }
    }

    /** An http or https URL with a host, usable as the base URL of downloads. */
    void downloadUrl(String option, URI value) {
        try {
            FileDownloader.checkedBaseUri(value);
        } catch (IllegalArgumentException e) {
            throw invalid(option, value, e.getMessage());
        }
    }

    /** A directory that exists and can be listed. */
    void readableDirectory(String option, Path value) {
        try {
            if (!Files.readAttributes(value, BasicFileAttributes.class).isDirectory()) {
                throw invalid(option, value, "not a directory");
            }
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(value)) {
                listing.iterator().hasNext();
            }
        } catch (NoSuchFileException e) {
            throw invalid(option, value, "no such directory");
        } catch (IOException e) {
            throw invalid(option, value, "cannot be read: " + FileProblems.reason(e));
        }
    }
}
