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

    /** The reason in words, e.g. {@code permission denied}, {@code no such file or directory}. */
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

    /** An exception saying that {@code what} (e.g. "cannot read /x/y") failed and why, with {@code e} as cause. */
    public static IOException describe(String what, IOException e) {
        return new IOException(what + ": " + reason(e), e);
    }
}
