package io.github.nn4j.models.selection;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendStatus;
import io.github.nn4j.api.backend.BackendUnavailableException;
import io.github.nn4j.api.backend.Backends;

/**
 * The program {@link BackendSelectionTest} runs in child JVMs: selects a backend the way applications do and
 * prints, one per line, {@code selected=<name>} and one {@code backend=name|priority|available|selected|reason}
 * line per discovered provider; or {@code error=<message>} and exit status {@value #UNAVAILABLE} when selection
 * fails.
 */
public final class SelectionProbe {
    /** Exit status when no backend could be selected. */
    static final int UNAVAILABLE = 3;

    private SelectionProbe() {
    }

    /** Entry point; takes no arguments (selection reads {@code nn4j.backend} and {@code NN4J_BACKEND}). */
    public static void main(String[] args) {
        Backend backend;
        try {
            backend = Backends.get();
        } catch (BackendUnavailableException e) {
            System.out.println("error=" + e.getMessage().replace('\n', ' '));
            System.exit(UNAVAILABLE);
            return;
        }
        System.out.println("selected=" + backend.name());
        for (BackendStatus s : Backends.describe()) {
            System.out.println("backend=" + s.name() + "|" + s.priority() + "|" + s.available() + "|" + s.selected() + "|"
                    + s.reason().replace('\n', ' '));
        }
    }
}
