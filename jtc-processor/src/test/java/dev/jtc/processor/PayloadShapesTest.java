package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.jtc.runtime.PayloadException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The payload shapes a real user writes beyond the sample's: containers inside containers,
 * records and enums nested in other classes, arrays of records, optionals of records and lists,
 * the small primitives, boxed arrays, a record whose constructor validates, varargs and a job
 * without payload. Compiled with jtc and Dagger under every lint, then run through the generated
 * codecs.
 */
final class PayloadShapesTest {

    private static final JavaFileObject OUTER = source("p.Outer", """
            package p;

            public final class Outer {
                public enum Status { OPEN, CLOSED }

                public record Inner(String name, Status status) {}

                private Outer() {}
            }
            """);

    private static final JavaFileObject ITEM = source("p.Item", """
            package p;

            public record Item(String sku, int quantity) {
                public Item {
                    if (quantity < 0) {
                        throw new IllegalArgumentException("quantity must not be negative, was " + quantity);
                    }
                }
            }
            """);

    private static final JavaFileObject SHAPES = source("p.Shapes", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.Set;

            @Job
            final class Shapes {
                @Inject Shapes() {}

                void handle(List<List<String>> nested, Map<String, List<Item>> byKey, Item[] items, Optional<Item> maybe,
                        Optional<List<String>> maybeList, Outer.Status status, Outer.Inner inner, char letter,
                        Character boxedLetter, byte[] bytes, Byte[] boxedBytes, float ratio, short small,
                        Set<Outer.Status> statuses, Map<String, Optional<String>> notes, Item[][] grid) {}
            }
            """);

    private static final JavaFileObject TAG = source("p.Tag", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;

            @Job
            final class Tag {
                @Inject Tag() {}

                void handle(long id, String... labels) {}
            }
            """);

    private static final JavaFileObject PING = source("p.Ping", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;

            @Job
            final class Ping {
                @Inject Ping() {}

                void handle() {}
            }
            """);

    /** Code a user writes against the generated dispatcher: it compiles only if the varargs job takes varargs. */
    private static final JavaFileObject CALLER = source("p.Caller", """
            package p;

            import dev.jtc.runtime.JobHandle;

            final class Caller {
                static JobHandle tagTwice(ShopAppJobs jobs) {
                    jobs.tag(1L);
                    return jobs.tag(2L, "red", "green");
                }
            }
            """);

    private static CompiledClasses classes;

    @BeforeAll
    static void compile() {
        Compilation compilation = TestSources.compileWithDagger(TestSources.APP, OUTER, ITEM, SHAPES, TAG, PING, CALLER);
        assertThat(compilation).succeededWithoutWarnings();
        classes = new CompiledClasses(compilation);
    }

    @Test
    void nestedContainersRecordsEnumsAndSmallPrimitivesGoRoundTrip() throws Exception {
        Object open = constant("p.Outer$Status", 0);
        Object closed = constant("p.Outer$Status", 1);
        Object first = item("A-1", 2);
        Object second = item("B-2", 0);
        Map<String, List<Object>> byKey = new LinkedHashMap<>();
        byKey.put("north", List.of(first));
        byKey.put("south", List.of());
        Map<String, Optional<String>> notes = new LinkedHashMap<>();
        notes.put("gift", Optional.of("wrap it"));
        notes.put("door", Optional.empty());
        Object items = array("p.Item", first, second);
        Object grid = java.lang.reflect.Array.newInstance(classes.load("p.Item"), 2, 0);
        java.lang.reflect.Array.set(grid, 0, array("p.Item", second));
        Object inner = classes.load("p.Outer$Inner").getDeclaredConstructors()[0].newInstance("north", closed);
        Object[] arguments = {
            List.of(List.of("a", "b"), List.of()),
            byKey,
            items,
            Optional.of(first),
            Optional.of(List.of("x")),
            open,
            inner,
            'é',
            null,
            new byte[] {1, -2},
            new Byte[] {3, null},
            0.1f,
            (short) -7,
            new LinkedHashSet<>(List.of(closed, open)),
            notes,
            grid
        };

        String json = (String) codec("ShapesCodec", "encode").invoke(null, arguments);
        assertEquals("{\"nested\":[[\"a\",\"b\"],[]],\"byKey\":{\"north\":[{\"sku\":\"A-1\",\"quantity\":2}],\"south\":[]},"
                + "\"items\":[{\"sku\":\"A-1\",\"quantity\":2},{\"sku\":\"B-2\",\"quantity\":0}],"
                + "\"maybe\":{\"sku\":\"A-1\",\"quantity\":2},\"maybeList\":[\"x\"],\"status\":\"OPEN\","
                + "\"inner\":{\"name\":\"north\",\"status\":\"CLOSED\"},\"letter\":\"é\",\"boxedLetter\":null,"
                + "\"bytes\":\"Af4=\",\"boxedBytes\":[3,null],\"ratio\":0.1,\"small\":-7,\"statuses\":[\"CLOSED\",\"OPEN\"],"
                + "\"notes\":{\"gift\":\"wrap it\",\"door\":null},\"grid\":[[{\"sku\":\"B-2\",\"quantity\":0}],[]]}", json);

        Object payload = codec("ShapesCodec", "decode").invoke(null, json);
        RecordComponent[] components = payload.getClass().getRecordComponents();
        assertEquals(arguments.length, components.length);
        for (int i = 0; i < components.length; i++) {
            Object decoded = components[i].getAccessor().invoke(payload);
            assertEquals(true, Arrays.deepEquals(new Object[] {arguments[i]}, new Object[] {decoded}),
                    components[i].getName() + ": sent " + Arrays.deepToString(new Object[] {arguments[i]})
                            + ", decoded " + Arrays.deepToString(new Object[] {decoded}));
        }
        assertEquals(Set.class, components[13].getType());
    }

    @Test
    void recordWhoseConstructorRejectsTheValuesFailsAsABadPayloadNamingTheField() {
        String json = "{\"nested\":[],\"byKey\":{},\"items\":[{\"sku\":\"A-1\",\"quantity\":1},{\"sku\":\"B-2\",\"quantity\":-3}],"
                + "\"status\":null,\"inner\":null,\"letter\":\"x\",\"boxedLetter\":null,\"bytes\":null,\"boxedBytes\":null,"
                + "\"ratio\":1,\"small\":1,\"statuses\":[],\"notes\":{},\"grid\":[]}";
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> codec("ShapesCodec", "decode").invoke(null, json));
        PayloadException e = assertInstanceOf(PayloadException.class, thrown.getCause());
        assertEquals("cannot decode the payload of job 'Shapes' at $.items[1]: the record's constructor"
                + " rejected the values: IllegalArgumentException: quantity must not be negative, was -3", e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void varargsHandleGetsAVarargsDispatcherAndItsArrayGoesRoundTrip() throws Exception {
        Method dispatch = classes.load("p.ShopAppJobs").getMethod("tag", long.class, String[].class);
        assertEquals(true, dispatch.isVarArgs());
        String json = (String) codec("TagCodec", "encode").invoke(null, 4L, new String[] {"red", "green"});
        assertEquals("{\"id\":4,\"labels\":[\"red\",\"green\"]}", json);
        Object payload = codec("TagCodec", "decode").invoke(null, json);
        assertArrayEquals(new String[] {"red", "green"}, (String[]) payload.getClass().getMethod("labels").invoke(payload));
    }

    @Test
    void jobWithoutPayloadEncodesAnEmptyObjectAndIgnoresWhatItDoesNotKnow() throws Exception {
        assertEquals("{}", codec("PingCodec", "encode").invoke(null));
        Object payload = codec("PingCodec", "decode").invoke(null, "{\"sentBy\":{\"host\":\"a\"},\"tries\":[1,2]}");
        assertEquals(0, payload.getClass().getRecordComponents().length);
    }

    private static Method codec(String codec, String name) {
        for (Method method : classes.load("p." + codec).getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalStateException(codec + " has no method " + name);
    }

    private static Object constant(String enumType, int ordinal) {
        return classes.load(enumType).getEnumConstants()[ordinal];
    }

    private static Object item(String sku, int quantity) throws ReflectiveOperationException {
        return classes.load("p.Item").getDeclaredConstructors()[0].newInstance(sku, quantity);
    }

    private static Object array(String type, Object... elements) {
        Object array = java.lang.reflect.Array.newInstance(classes.load(type), elements.length);
        for (int i = 0; i < elements.length; i++) {
            java.lang.reflect.Array.set(array, i, elements[i]);
        }
        return array;
    }
}
