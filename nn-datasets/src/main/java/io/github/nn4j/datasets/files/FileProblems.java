package io.github.nn4j.datasets.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Words for a failed file-system operation: {@code NoSuchFileException} and its kin carry only a path as their
 * message, which on its own does not say what went wrong.
 */
public final class FileProblems {
    private FileProblems() {
    }

    /**
     * The reason in words, e.g. {@code permission denied}, {@code no such file or directory}.
     *
     * @param e the failure
     * @return a short phrase
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * An exception saying what failed and why.
     *
     * @param what what failed, e.g. {@code cannot read /x/y}
     * @param e    the failure, which becomes the cause
     * @return an exception whose message is {@code what: reason}
     */
    public static IOException describe(String what, IOException e) {
        return new IOException(what + ": " + reason(e), e);
    }
}
