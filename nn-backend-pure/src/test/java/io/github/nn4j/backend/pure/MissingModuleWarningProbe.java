package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.BackendRegistry;

/**
 * Run by {@link MissingModuleWarningTest} in a fresh JVM: selects a backend automatically three times (each asks the
 * pure provider for its priority) and creates the pure backend (which chooses its kernels), then prints
 * {@code selected=NAME}.
 */
public final class MissingModuleWarningProbe {
    private MissingModuleWarningProbe() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        String selected = null;
        for (int i = 0; i < 3; i++) {
            selected = BackendRegistry.load(MissingModuleWarningProbe.class.getClassLoader()).selectedName();
        }
        new PureBackendProvider().create();
        System.out.println("selected=" + selected);
    }
}
