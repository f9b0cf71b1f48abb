package dev.jtc.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Maven local repository made for one nested build: this reactor's own artifacts are written
 * into it in the repository layout, as {@code mvn install} would put them (an artifact with no
 * {@code _remote.repositories} beside it counts as installed locally), and everything else comes
 * from a mirror.
 */
final class LocalRepository {

    private final Path dir;

    LocalRepository(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Puts {@code dev.jtc:jtc-parent} (the root pom) and each of {@code modules} (jar and pom) into the repository. */
    void installReactorArtifacts(List<String> modules) {
        String version = DocsBuild.version();
        install("jtc-parent", version, DocsBuild.root().resolve("pom.xml"), null);
        for (String module : modules) {
            install(module, version, DocsBuild.root().resolve(module).resolve("pom.xml"), jarOf(module, version));
        }
    }

    /**
     * The module's jar from its build directory; if the build stopped before {@code package}
     * ({@code mvn test}), a jar packed here from its class output.
     */
    private Path jarOf(String module, String version) {
        Path target = DocsBuild.moduleTarget(module);
        Path jar = target.resolve(module + "-" + version + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path classes = target.resolve("classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("neither " + jar + " nor " + classes + " exists: build " + module
                    + " first (mvn -pl jtc-docs-tests -am verify)");
        }
        Path packed = dir.resolveSibling(module + "-packed.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(packed)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packed;
    }

    private void install(String artifactId, String version, Path pom, Path jar) {
        Path versionDir = dir.resolve("dev/jtc").resolve(artifactId).resolve(version);
        try {
            Files.createDirectories(versionDir);
            Files.copy(pom, versionDir.resolve(artifactId + "-" + version + ".pom"));
            if (jar != null) {
                Files.copy(jar, versionDir.resolve(artifactId + "-" + version + ".jar"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A settings file that sends every repository to {@code mirror}, a directory in the
     * repository layout (this build's local repository), without checksums (a local repository
     * keeps none for what it downloaded).
     */
    static Path mirrorSettings(Path file, Path mirror) {
        String url = mirror.toUri().toString();
        String settings = """
                <settings>
                  <mirrors>
                    <mirror><id>outer-local</id><mirrorOf>*</mirrorOf><url>%1$s</url></mirror>
                  </mirrors>
                  <profiles>
                    <profile>
                      <id>outer-local</id>
                      <repositories>
                        <repository><id>central</id><url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>central</id><url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-local</activeProfile></activeProfiles>
                </settings>
                """.formatted(url);
        try {
            Files.writeString(file, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
