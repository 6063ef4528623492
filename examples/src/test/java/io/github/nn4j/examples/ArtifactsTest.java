package io.github.nn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The artifacts as a public repository sees them, built by this reactor before this module: every published library
 * module has a jar with a stable module name and its licence, a sources jar and a javadoc jar; the BOM lists every
 * published module and carries the same metadata as the parent POM.
 */
class ArtifactsTest {

    /** The modules whose POM does not skip deployment, other than the BOM. */
    private static List<String> publishedJarModules() throws IOException {
        List<String> out = new ArrayList<>();
        for (String module : RepositoryFiles.modules()) {
            String pom = RepositoryFiles.read(RepositoryFiles.root().resolve(module).resolve("pom.xml"));
            if (!pom.contains("<maven.deploy.skip>true</maven.deploy.skip>") && !pom.contains("<packaging>pom")) {
                out.add(module);
            }
        }
        return out;
    }

    @Test
    void theLibraryModulesArePublished() throws IOException {
        assertThat(publishedJarModules()).contains("nn-api", "nn-backend-pure", "nn-backend-jblas", "nn-backend-nd4j",
                "nn-datasets", "nn-models", "nn-spark").doesNotContain("nn-benchmarks", "examples");
    }

    @Test
    void everyPublishedJarHasAModuleNameItsLicenceSourcesAndJavadoc() throws IOException {
        for (String module : publishedJarModules()) {
            Path target = RepositoryFiles.root().resolve(module).resolve("target");
            String base = module + "-" + RepositoryFiles.version();
            Path jar = target.resolve(base + ".jar");
            assertThat(jar).as(module).isRegularFile();

            Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
            assertThat(found).as("%s as a module", jar).hasSize(1);
            String expectedName = "io.github.nn4j." + module.replaceFirst("^nn-", "").replace('-', '.');
            assertThat(found.iterator().next().descriptor().name()).as(module).isEqualTo(expectedName);

            String licence = entry(jar, "META-INF/LICENSE");
            assertThat(licence).as("%s META-INF/LICENSE", module).isNotNull();
            assertThat(licence).contains(module.equals("nn-models") ? "GNU GENERAL PUBLIC LICENSE" : "Apache License");
            assertThat(entry(jar, "META-INF/NOTICE")).as("%s META-INF/NOTICE", module).isNotNull();

            Path sources = target.resolve(base + "-sources.jar");
            Path javadoc = target.resolve(base + "-javadoc.jar");
            assertThat(sources).as(module).isRegularFile();
            assertThat(javadoc).as(module).isRegularFile();
            String someClass = firstClass(jar);
            assertThat(entry(sources, someClass.replace(".class", ".java"))).as("%s in %s", someClass, sources)
                    .isNotNull();
            assertThat(entry(javadoc, "index.html")).as(javadoc.toString()).isNotNull();
        }
    }

    @Test
    void theBomListsEveryPublishedModuleAtThisVersion() throws IOException {
        Element bom = RepositoryFiles.pom(RepositoryFiles.root().resolve("nn4j-bom/pom.xml"));
        assertThat(RepositoryFiles.text(bom, "version")).isEqualTo(RepositoryFiles.version());
        List<String> managed = new ArrayList<>();
        Element deps = RepositoryFiles.children(RepositoryFiles.children(bom, "dependencyManagement").get(0),
                "dependencies").get(0);
        for (Element d : RepositoryFiles.children(deps, "dependency")) {
            assertThat(RepositoryFiles.text(d, "groupId")).isEqualTo("io.github.nn4j");
            assertThat(RepositoryFiles.text(d, "version")).isEqualTo(RepositoryFiles.version());
            String type = RepositoryFiles.text(d, "type");
            managed.add(RepositoryFiles.text(d, "artifactId") + (type == null ? "" : ":" + type));
        }
        List<String> expected = new ArrayList<>(publishedJarModules());
        expected.add("nn-api:test-jar");
        assertThat(managed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theBomCarriesTheParentsMetadata() throws IOException {
        Element parent = RepositoryFiles.pom(RepositoryFiles.root().resolve("pom.xml"));
        Element bom = RepositoryFiles.pom(RepositoryFiles.root().resolve("nn4j-bom/pom.xml"));
        String[][] paths = {{"url"}, {"inceptionYear"}, {"licenses", "license", "name"}, {"licenses", "license", "url"},
            {"developers", "developer", "name"}, {"scm", "connection"}, {"scm", "developerConnection"}, {"scm", "url"},
            {"issueManagement", "url"}};
        for (String[] path : paths) {
            assertThat(RepositoryFiles.text(parent, path)).as(String.join("/", path)).isNotBlank();
            assertThat(RepositoryFiles.text(bom, path)).as(String.join("/", path))
                    .isEqualTo(RepositoryFiles.text(parent, path));
        }
    }

    private static String entry(Path jar, String name) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            ZipEntry e = f.getEntry(name);
            return e == null ? null : new String(f.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String firstClass(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.endsWith("package-info.class")
                            && !n.endsWith("module-info.class"))
                    .findFirst().orElseThrow();
        }
    }
}
