package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyError;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyErrorAt;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.broker.InMemoryBroker;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Which Dagger modules become parameters of the generated factory and of
 * {@code <App>Worker.definition(...)}: only those with a binding method that is neither static nor
 * abstract and no no-argument constructor the component can call, as Dagger itself decides. Each
 * application is compiled with jtc and Dagger, then run: the task gets its {@code Greeting} from
 * the module, so the component really was built.
 */
final class ModuleInstancesTest {

    private static final String PACKAGE = "p.";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static final JavaFileObject APP = source("p.GreetApp", """
            package p;

            import dev.jtc.JtcApplication;

            @JtcApplication(modules = GreetingModule.class)
            final class GreetApp {}
            """);

    private static final JavaFileObject GREETING = source("p.Greeting", """
            package p;

            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            public record Greeting(String text) {
                public static final List<String> SAID = new CopyOnWriteArrayList<>();
            }
            """);

    private static final JavaFileObject GREETER = source("p.Greeter", """
            package p;

            import dev.jtc.Every;
            import jakarta.inject.Inject;

            final class Greeter {
                private final Greeting greeting;

                @Inject
                Greeter(Greeting greeting) {
                    this.greeting = greeting;
                }

                @Every("1m")
                void greet() {
                    Greeting.SAID.add(greeting.text());
                }
            }
            """);

    @Test
    void moduleOfStaticProvidesWithAPrivateConstructorNeedsNoInstance() throws Exception {
        CompiledClasses classes = compileAndLoad(module("""
                @Module
                final class GreetingModule {
                    private GreetingModule() {}

                    @Provides
                    static Greeting greeting() {
                        return new Greeting("hello");
                    }
                }
                """));
        assertEquals(List.of("hello"), greetThrough(classes, workerWithMain(classes)));
    }

    @Test
    void abstractModuleOfBindsAndStaticProvidesNeedsNoInstance() throws Exception {
        CompiledClasses classes = compileAndLoad(module("""
                @Module
                abstract class GreetingModule {
                    private GreetingModule() {}

                    @Binds
                    abstract CharSequence text(String text);

                    @Provides
                    static String word() {
                        return "hi";
                    }

                    @Provides
                    static Greeting greeting(CharSequence text) {
                        return new Greeting(text + "!");
                    }
                }
                """));
        assertEquals(List.of("hi!"), greetThrough(classes, workerWithMain(classes)));
    }

    @Test
    void interfaceModuleNeedsNoInstance() throws Exception {
        CompiledClasses classes = compileAndLoad(module("""
                @Module
                interface GreetingModule {
                    @Binds
                    CharSequence text(String text);

                    @Provides
                    static String word() {
                        return "hey";
                    }

                    @Provides
                    static Greeting greeting(CharSequence text) {
                        return new Greeting(text.toString());
                    }
                }
                """));
        assertEquals(List.of("hey"), greetThrough(classes, workerWithMain(classes)));
    }

    @Test
    void instanceProvidesWithAVisibleNoArgumentConstructorIsMadeByTheComponent() throws Exception {
        CompiledClasses classes = compileAndLoad(module("""
                @Module
                final class GreetingModule {
                    private final String text = "made by Dagger";

                    @Provides
                    Greeting greeting() {
                        return new Greeting(text);
                    }
                }
                """));
        assertEquals(List.of("made by Dagger"), greetThrough(classes, workerWithMain(classes)));
    }

    @Test
    void instanceProvidesWithAConstructorThatTakesArgumentsIsPassedByTheApplication() throws Exception {
        CompiledClasses classes = compileAndLoad(module("""
                @Module
                public final class GreetingModule {
                    private final String text;

                    public GreetingModule(String text) {
                        this.text = text;
                    }

                    @Provides
                    Greeting greeting() {
                        return new Greeting(text);
                    }
                }
                """));
        Class<?> module = classes.load(PACKAGE + "GreetingModule");
        Object instance = module.getConstructor(String.class).newInstance("handed in");
        assertEquals(List.of("handed in"), greetThrough(classes, workerWithoutMain(classes, module).invoke(null, instance)));
    }

    @Test
    void privateConstructorWithAStaticFactoryMethodIsPassedByTheApplication() throws Exception {
        CompiledClasses classes = compileAndLoad(module("""
                @Module
                public final class GreetingModule {
                    private final String text;

                    private GreetingModule(String text) {
                        this.text = text;
                    }

                    public static GreetingModule fromEnvironment() {
                        return new GreetingModule("from a factory method");
                    }

                    @Provides
                    Greeting greeting() {
                        return new Greeting(text);
                    }
                }
                """));
        Class<?> module = classes.load(PACKAGE + "GreetingModule");
        Object instance = module.getMethod("fromEnvironment").invoke(null);
        assertEquals(List.of("from a factory method"), greetThrough(classes, workerWithoutMain(classes, module).invoke(null, instance)));
    }

    @Test
    void packagePrivateConstructorInAnotherPackageIsPassedByTheApplication() throws Exception {
        JavaFileObject app = source("p.GreetApp", """
                package p;

                import dev.jtc.JtcApplication;
                import q.GreetingModule;

                @JtcApplication(modules = GreetingModule.class)
                final class GreetApp {}
                """);
        JavaFileObject module = source("q.GreetingModule", """
                package q;

                import dagger.Module;
                import dagger.Provides;
                import p.Greeting;

                @Module
                public final class GreetingModule {
                    GreetingModule() {}

                    public static GreetingModule create() {
                        return new GreetingModule();
                    }

                    @Provides
                    Greeting greeting() {
                        return new Greeting("from package q");
                    }
                }
                """);
        Compilation compilation = compileWithDagger(app, module, GREETING, GREETER);
        assertThat(compilation).succeededWithoutWarnings();
        CompiledClasses classes = new CompiledClasses(compilation);
        Class<?> moduleClass = classes.load("q.GreetingModule");
        Object instance = moduleClass.getMethod("create").invoke(null);
        assertEquals(List.of("from package q"), greetThrough(classes, workerWithoutMain(classes, moduleClass).invoke(null, instance)));
    }

    @Test
    void instanceProvidesWithOnlyAPrivateConstructorIsAnError() {
        JavaFileObject module = module("""
                @Module
                final class GreetingModule {
                    private GreetingModule() {}

                    @Provides
                    Greeting greeting() {
                        return new Greeting("never");
                    }

                    @Provides
                    static String word() {
                        return "never";
                    }
                }
                """);
        assertOnlyErrorAt(compileWithDagger(APP, module, GREETING, GREETER),
                "[jtc:invalid-module] p.GreetingModule has binding methods that need an"
                        + " instance of the module (greeting()), but its constructors are private and nothing else in it hands out"
                        + " an instance, so neither Dagger nor the application can make one: make those methods static, or give"
                        + " GreetingModule a constructor that is not private",
                APP, "@JtcApplication", ".class");
    }

    @Test
    void privateNestedHolderDoesNotMakeAPrivateConstructorReachable() {
        JavaFileObject module = module("""
                @Module
                final class GreetingModule {
                    private GreetingModule() {}

                    private static final class Holder {
                        static final GreetingModule INSTANCE = new GreetingModule();
                    }

                    @Provides
                    Greeting greeting() {
                        return new Greeting("never");
                    }
                }
                """);
        assertOnlyError(compileWithDagger(APP, module, GREETING, GREETER),
                "[jtc:invalid-module] p.GreetingModule has binding methods that need an instance of the module (greeting())",
                APP, "@JtcApplication");
    }

    /** A module in package {@code p} with Dagger's annotations imported. */
    private static JavaFileObject module(String body) {
        return source("p.GreetingModule", """
                package p;

                import dagger.Binds;
                import dagger.Module;
                import dagger.Provides;

                """ + body);
    }

    private static CompiledClasses compileAndLoad(JavaFileObject module) {
        Compilation compilation = compileWithDagger(APP, module, GREETING, GREETER);
        assertThat(compilation).succeededWithoutWarnings();
        return new CompiledClasses(compilation);
    }

    /** The worker's {@code definition()}, after checking it takes nothing and that there is a {@code main}. */
    private static Object workerWithMain(CompiledClasses classes) throws Exception {
        Class<?> worker = classes.load(PACKAGE + "GreetAppWorker");
        assertEquals(void.class, worker.getMethod("main", String[].class).getReturnType());
        return worker.getMethod("definition").invoke(null);
    }

    /** The worker's {@code definition(module)}, after checking that there is no {@code main}. */
    private static Method workerWithoutMain(CompiledClasses classes, Class<?> module) throws Exception {
        Class<?> worker = classes.load(PACKAGE + "GreetAppWorker");
        assertThrows(NoSuchMethodException.class, () -> worker.getMethod("main", String[].class));
        assertThrows(NoSuchMethodException.class, () -> worker.getMethod("definition"));
        return worker.getMethod("definition", module);
    }

    /** Runs the scheduled {@code Greeter.greet} through the generated dispatch table; returns what it said. */
    @SuppressWarnings("unchecked")
    private static List<String> greetThrough(CompiledClasses classes, Object definition) throws Exception {
        BrokerDispatcher dispatcher = new BrokerDispatcher(new InMemoryBroker(CLOCK), CLOCK);
        ((AppDefinition) definition).runnerFactory().create(dispatcher, CLOCK, Settings.empty())
                .run("Greeter.greet", "{}", new FixedJobContext("Greeter.greet", CLOCK.instant()));
        return List.copyOf((List<String>) classes.load(PACKAGE + "Greeting").getField("SAID").get(null));
    }
}
