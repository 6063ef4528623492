package io.github.nn4j.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.BackendProvider;
import io.github.nn4j.models.selection.SelectionProbe;
import io.github.nn4j.models.testsupport.ChildJvm;
import io.github.nn4j.models.testsupport.ChildJvm.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nn4j backends} says "available" only for a backend that works when used alone, as {@code --backend NAME}
 * uses it, even where probing all backends in one JVM would make it look available ({@link SideEffectProviders}).
 */
class BackendsCommandTest {
    @TempDir
    Path root;

    @Test
    void aBackendThatWorksOnlyAfterAnotherWasLoadedIsNotCalledAvailable() throws Exception {
        Path providers = root.resolve("providers");
        Path services = Files.createDirectories(providers.resolve("META-INF/services"));
        Files.writeString(services.resolve(BackendProvider.class.getName()),
                SideEffectProviders.Helper.class.getName() + "\n" + SideEffectProviders.Fragile.class.getName() + "\n");
        ChildJvm jvm = ChildJvm.withAllBackends().classPathEntry(providers);

        Result together = jvm.run(SelectionProbe.class);
        Result backends = jvm.run(io.github.nn4j.models.cli.Nn4jApp.class, "backends");
        Result used = jvm.run(io.github.nn4j.models.cli.Nn4jApp.class, "xor", "--backend", "fragile");

        // all probed in one JVM, in priority order, the fragile backend looks available (and is even selected)...
        String[] fragile = together.backends().get("fragile");
        assertThat(fragile).as(together.toString()).containsExactly("fragile", "997", "true", "true", "available");
        // ...but used alone it is not, and the backends command says so
        assertThat(used.exitCode()).as(used.toString()).isEqualTo(Nn4jApp.EXIT_BACKEND_UNAVAILABLE);
        assertThat(used.stderr()).contains("Backend 'fragile' (requested) is not available: needs what the helper "
                + "loads");
        assertThat(backends.exitCode()).as(backends.toString()).isZero();
        assertThat(backends.stdout()).containsPattern("\\n +fragile +997 +no +needs what the helper loads, which is "
                + "not there when it is used alone\\n")
                .containsPattern("\\n +helper +998 +no +the helper is never available")
                .containsPattern("\\n\\* +\\w+ +\\d+ +yes ")
                .contains("Each backend was tried alone, in a JVM of its own");
    }
}
