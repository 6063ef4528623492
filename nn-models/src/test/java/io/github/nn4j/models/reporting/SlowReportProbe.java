package io.github.nn4j.models.reporting;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The program {@link ReportDirectoryTest} ends with a signal: {@code SlowReportProbe DIR} replaces DIR with a
 * report, writes one file, prints {@code half written} and waits to be killed; what the shutdown hook says goes
 * to stderr.
 */
public final class SlowReportProbe {
    private SlowReportProbe() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        try (ReportDirectory dir = ReportDirectory.prepare(Path.of(args[0]), System.err::println)) {
            dir.replaceWith(d -> {
                Files.writeString(d.resolve(ReportWriter.LOSS_AE), "new");
                System.out.println("half written");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
        }
    }
}
