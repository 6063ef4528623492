package io.github.nn4j.backend.jblas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** jblas's console lines are collected; everything else written to System.err still arrives. */
class JblasConsoleCaptureTest {

    @Test
    void collectsJblasLinesAndPassesOtherOutputThrough() {
        PrintStream saved = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream fakeConsole = new PrintStream(console, true, Charset.defaultCharset());
        System.setErr(fakeConsole);
        try {
            JblasConsoleCapture capture = JblasConsoleCapture.start();
            System.err.println("-- org.jblas ERROR Couldn't load copied link file: something.\n");
            System.err.println("another thread's line");
            System.err.print("-- org.jblas CONFIG Loading libjblas.so");
            System.err.println();
            System.err.print("partial");
            capture.close();

            assertThat(capture.messages()).containsExactly("ERROR Couldn't load copied link file: something.",
                    "CONFIG Loading libjblas.so");
            assertThat(console.toString(Charset.defaultCharset()))
                    .isEqualTo("another thread's line" + System.lineSeparator() + "partial");
            assertThat(System.err).as("the original stream is back").isSameAs(fakeConsole);
        } finally {
            System.setErr(saved);
        }
    }
}
