package io.github.nn4j.models.mnist;

import java.io.IOException;

/**
 * The MNIST files are in none of the searched directories and downloading is not allowed. The message
 * lists every directory searched, what was missing there, and how to fix it.
 */
public class MnistNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    /** With a message that lists the directories searched. */
    public MnistNotFoundException(String message) {
        super(message);
    }
}
