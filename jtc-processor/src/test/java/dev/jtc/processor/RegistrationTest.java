package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.lang.model.SourceVersion;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How build tools find the processor, and how it treats names the user never sees clash. */
final class RegistrationTest {

    @Test
    void registeredAsServicesAndForGradlesIncrementalProcessing() throws IOException {
        String services = resource("META-INF/services/javax.annotation.processing.Processor");
        assertTrue(services.contains("dev.jtc.processor.JtcProcessor"));
        assertTrue(services.contains("dev.jtc.processor.JtcApplicationProcessor"));
        assertEquals("dev.jtc.processor.JtcProcessor,isolating\ndev.jtc.processor.JtcApplicationProcessor,aggregating",
                resource("META-INF/gradle/incremental.annotation.processors").trim());
    }

    @Test
    void supportsTheLatestSourceVersion() {
        assertEquals(SourceVersion.latestSupported(), new JtcProcessor().getSupportedSourceVersion());
        assertEquals(SourceVersion.latestSupported(), new JtcApplicationProcessor().getSupportedSourceVersion());
    }

    @Test
    void jobsWithOneSimpleNameInTwoPackagesGetCodecsBesideThemAndMethodsFromTheirNames() {
        JavaFileObject mail = TestSources.source("p.mail.Notify", """
                package p.mail;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(name = "mail-notify")
                public final class Notify {
                    @Inject public Notify() {}

                    public void handle(String address) {}
                }
                """);
        JavaFileObject sms = TestSources.source("p.sms.Notify", """
                package p.sms;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(name = "sms-notify")
                public final class Notify {
                    @Inject public Notify() {}

                    public void handle(String number) {}
                }
                """);
        Compilation compilation = TestSources.compileWithDagger(TestSources.APP, mail, sms);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.mail.NotifyCodec").contentsAsUtf8String().contains("JOB_NAME = \"mail-notify\"");
        assertThat(compilation).generatedSourceFile("p.sms.NotifyCodec").contentsAsUtf8String().contains("JOB_NAME = \"sms-notify\"");
        assertThat(compilation).generatedSourceFile("p.ShopAppJobs").contentsAsUtf8String()
                .contains("public JobHandle mailNotify(String address) {");
        assertThat(compilation).generatedSourceFile("p.ShopAppJobs").contentsAsUtf8String()
                .contains("public JobHandle smsNotify(String number) {");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JtcProcessor.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
