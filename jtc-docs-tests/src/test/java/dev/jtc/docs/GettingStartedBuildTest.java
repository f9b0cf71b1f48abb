package dev.jtc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Builds the project of docs/getting-started.md exactly as the page shows it, the way a newcomer
 * would: its files written from the page's {@code <!-- file: ... -->} blocks, then
 * {@code mvn -o clean verify} with an empty local repository that holds only jtc's own artifacts
 * (written there from this reactor's build) and a mirror of every repository that is this build's
 * local repository. So the page's pom must name, with versions, everything its build needs, and
 * its test must really run (surefire 2.12.4, Maven 3.8's default, runs none and still succeeds).
 * Then the worker's {@code list} runs through {@code exec:java}, as the page says, offline too.
 */
class GettingStartedBuildTest {

    private static final String PAGE = "docs/getting-started.md";

    /** Maven prints each execution as {@code --- maven-compiler-plugin:3.16.0:compile (default-compile) @ shop ---}. */
    private static final Pattern EXECUTION = Pattern.compile("--- ([\\w.-]+):([\\w.-]+):([\\w-]+) ");
    /** Surefire's summary, after "Results:". */
    private static final Pattern TESTS_RUN = Pattern.compile("^\\[\\w+] Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)$",
            Pattern.MULTILINE);
    private static final long BUILD_TIMEOUT_MINUTES = 5;

    @TempDir
    static Path work;

    static Path project;
    static Path repository;
    static Path settings;
    static Map<String, String> pinned;

    @BeforeAll
    static void writeTheProjectFromThePage() throws Exception {
        String text = Files.readString(DocsBuild.root().resolve(PAGE));
        ExampleProject example = ExampleProject.of(PAGE, Markdown.blocks(PAGE, text))
                .orElseThrow(() -> new AssertionError(PAGE + " has no <!-- file: ... --> blocks"));
        assertTrue(example.files().containsKey("pom.xml"), PAGE + " shows no <!-- file: pom.xml --> block");
        project = work.resolve("shop");
        example.writeTo(project);
        pinned = pinnedPlugins(project.resolve("pom.xml"));

        LocalRepository local = new LocalRepository(work.resolve("repository"));
        local.installReactorArtifacts(Arrays.asList(DocsBuild.property("jtc.docs.publishedModules").split(",")));
        repository = local.dir();
        Path outer = Path.of(DocsBuild.property("jtc.docs.outerRepository"));
        settings = LocalRepository.mirrorSettings(work.resolve("settings.xml"), outer);

        // The mirror is only what this build has resolved. A plugin it never ran itself must be fetched by
        // this module's pom, or the nested build fails for a reason that is not the page's.
        List<String> missing = new ArrayList<>();
        pinned.forEach((plugin, version) -> {
            String[] coordinates = plugin.split(":");
            Path jar = outer.resolve(coordinates[0].replace('.', '/')).resolve(coordinates[1]).resolve(version)
                    .resolve(coordinates[1] + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(plugin + ":" + version);
            }
        });
        assertEquals(List.of(), missing, "plugins the page pins are not in this build's local repository " + outer
                + ": add a dependency:get execution for each to jtc-docs-tests/pom.xml");
    }

    @Test
    void theProjectBuildsOfflineAndItsTestRuns() throws Exception {
        String output = maven("clean", "verify");

        Matcher summary = TESTS_RUN.matcher(output);
        String last = null;
        while (summary.find()) {
            last = summary.group();
        }
        assertTrue(last != null, "surefire printed no test summary, so no test ran:\n" + tail(output));
        Matcher counts = TESTS_RUN.matcher(last);
        assertTrue(counts.find());
        assertTrue(Integer.parseInt(counts.group(1)) >= 1, "the page's test did not run: " + last);
        assertEquals("0 0 0", counts.group(2) + " " + counts.group(3) + " " + counts.group(4), "failures, errors, skipped: " + last);
        assertTrue(Files.isRegularFile(project.resolve("target/shop-1.0-SNAPSHOT.jar")), "verify built no jar");
        assertWorkerJarLists(project.resolve("target/shop-1.0-SNAPSHOT-worker.jar"));

        Set<String> executed = new LinkedHashSet<>();
        Matcher execution = EXECUTION.matcher(output);
        while (execution.find()) {
            executed.add(execution.group(1) + ":" + execution.group(2));
        }
        assertTrue(executed.stream().anyMatch(e -> e.startsWith("maven-surefire-plugin:")), "surefire did not run: " + executed);
        List<String> unpinned = new ArrayList<>();
        for (String plugin : executed) {
            String artifactId = plugin.substring(0, plugin.indexOf(':'));
            String version = plugin.substring(plugin.indexOf(':') + 1);
            boolean declared = pinned.entrySet().stream()
                    .anyMatch(p -> p.getKey().endsWith(":" + artifactId) && p.getValue().equals(version));
            if (!declared) {
                unpinned.add(plugin);
            }
        }
        assertEquals(List.of(), unpinned, "the build ran plugins the page's pom does not pin at that version (it pins " + pinned + ")");
    }

    @Test
    void theWorkerListsTheJobAndTheTaskThroughExecJava() throws Exception {
        // exactly the page's command, offline
        String output = maven("-q", "compile", "exec:java", "-Dexec.args=list");
        assertTrue(output.contains("SendWelcomeEmail  mail"), "list shows no job SendWelcomeEmail on queue mail:\n" + output);
        assertTrue(output.contains("Maintenance.hourlyCleanup"), "list shows no task Maintenance.hourlyCleanup:\n" + output);
    }

    /** The page's {@code java -jar target/shop-1.0-SNAPSHOT-worker.jar list}: the jar alone starts the worker. */
    private static void assertWorkerJarLists(Path jar) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(jar), "package built no worker jar " + jar);
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(javaBinary.toString(), "-Xmx256m", "-jar", jar.toString(), "list")
                .directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "java -jar ... list did not finish within a minute:\n" + output);
        assertEquals(0, process.exitValue(), "java -jar " + jar.getFileName() + " list failed:\n" + output);
        assertTrue(output.contains("SendWelcomeEmail  mail"), "the jar's list shows no job SendWelcomeEmail:\n" + output);
        assertTrue(output.contains("Maintenance.hourlyCleanup"), "the jar's list shows no task Maintenance.hourlyCleanup:\n" + output);
    }

    /** Runs Maven in the project, offline but for the file:// mirror; fails with its output's end unless it succeeds. */
    private static String maven(String... goals) throws IOException, InterruptedException {
        Path mvn = Path.of(DocsBuild.property("jtc.docs.mavenHome"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-o",
                // offline means no repository at all, unless its protocol is allowed: only the file:// mirror is
                "-Daether.offline.protocols=file",
                "-s", settings.toString(), "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(goals));
        Path log = Files.createTempFile(work, "mvn", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MAVEN_OPTS", "-Xmx512m");
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("mvn " + String.join(" ", goals) + " did not finish within " + BUILD_TIMEOUT_MINUTES + " minutes:\n"
                    + tail(Files.readString(log)));
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            fail("mvn " + String.join(" ", goals) + " in the getting-started project exited with " + process.exitValue() + ":\n" + tail(output));
        }
        return output;
    }

    /** The pom's build plugins, {@code groupId:artifactId} to version ({@code ${property}} versions resolved). */
    private static Map<String, String> pinnedPlugins(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element root = document.getDocumentElement();
        Map<String, String> properties = new LinkedHashMap<>();
        Element props = child(root, "properties");
        if (props != null) {
            NodeList list = props.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                if (list.item(i) instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        Map<String, String> plugins = new LinkedHashMap<>();
        Element build = child(root, "build");
        Element pluginList = build == null ? null : child(build, "plugins");
        if (pluginList == null) {
            return plugins;
        }
        NodeList list = pluginList.getElementsByTagName("plugin");
        for (int i = 0; i < list.getLength(); i++) {
            Element plugin = (Element) list.item(i);
            if (plugin.getParentNode() != pluginList) {
                continue;
            }
            Element group = child(plugin, "groupId");
            Element version = child(plugin, "version");
            String groupId = group == null ? "org.apache.maven.plugins" : group.getTextContent().strip();
            String artifactId = child(plugin, "artifactId").getTextContent().strip();
            String v = version == null ? "(none)" : version.getTextContent().strip();
            Matcher property = Pattern.compile("^\\$\\{(.+)}$").matcher(v);
            if (property.matches() && properties.containsKey(property.group(1))) {
                v = properties.get(property.group(1));
            }
            plugins.put(groupId + ":" + artifactId, v);
        }
        return plugins;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
