package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.UnknownJobException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles the rich test application with jtc and Dagger, loads the result, and runs it: payloads
 * go round trip through the generated codecs, bad payloads fail with a precise message, and the
 * generated worker definition builds a dispatch table that runs jobs and tasks on Dagger-made
 * instances (including a job that dispatches another through the generated dispatcher).
 */
final class GeneratedCodeRunsTest {

    private static final String SHOP = "com.acme.shop.";
    private static final UUID ORDER = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

    private static CompiledClasses classes;

    private final RecordingDispatcher dispatcher = new RecordingDispatcher();

    @BeforeAll
    static void compileTheRichApplication() {
        Compilation compilation = TestApps.compile("rich");
        assertThat(compilation).succeededWithoutWarnings();
        classes = new CompiledClasses(compilation);
    }

    @BeforeEach
    void emptyTheOutbox() throws ReflectiveOperationException {
        outbox().clear();
    }

    @Test
    void richPayloadGoesRoundTripThroughTheCodec() throws Exception {
        Object[] arguments = shipOrderArguments();
        String json = (String) codecMethod("ShipOrderCodec", "encode").invoke(null, arguments);

        assertEquals("{\"orderId\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"items\":[{\"sku\":\"A-1\",\"quantity\":2,\"price\":\"9.99\"},{\"sku\":\"B-2\",\"quantity\":1,\"price\":\"120.00\"}],"
                + "\"address\":{\"street\":\"Main St 1\",\"city\":\"Berlin\",\"zip\":\"10115\"},"
                + "\"notBefore\":\"2026-03-01T09:30:00Z\",\"stock\":{\"A-1\":5,\"B-2\":null},\"priority\":\"URGENT\",\"total\":\"139.98\"}",
                json);

        Object payload = codecMethod("ShipOrderCodec", "decode").invoke(null, json);
        RecordComponent[] components = payload.getClass().getRecordComponents();
        assertEquals(arguments.length, components.length);
        for (int i = 0; i < components.length; i++) {
            assertEquals(arguments[i], components[i].getAccessor().invoke(payload), components[i].getName());
        }
    }

    @Test
    void decodingGoesByNameIgnoresUnknownFieldsAndTreatsAbsentOptionalsAsEmpty() throws Exception {
        String json = "{\"total\":\"1\",\"priority\":\"LOW\",\"extra\":{\"ignored\":[1,2]},\"stock\":{},"
                + "\"address\":{\"city\":\"Oslo\",\"street\":\"Gate 2\"},\"items\":[],\"orderId\":\"" + ORDER + "\"}";
        Object payload = codecMethod("ShipOrderCodec", "decode").invoke(null, json);
        assertEquals(Optional.empty(), component(payload, "notBefore"));
        Object address = component(payload, "address");
        assertEquals(Optional.empty(), component(address, "zip"));
        assertEquals("Oslo", component(address, "city"));
        assertEquals(new BigDecimal("1"), component(payload, "total"));
    }

    @Test
    void primitiveArraysSetsAndBytesGoRoundTrip() throws Exception {
        Object[] arguments = {LocalDate.of(2026, 2, 28), Set.of("ops@acme.test"), new int[] {1, 2, 23}, new byte[] {7, -1}};
        String json = (String) codecMethod("Reports_NightlyCodec", "encode").invoke(null, arguments);
        assertEquals("{\"day\":\"2026-02-28\",\"recipients\":[\"ops@acme.test\"],\"hours\":[1,2,23],\"logo\":\"B/8=\"}", json);
        Object payload = codecMethod("Reports_NightlyCodec", "decode").invoke(null, json);
        assertEquals(LocalDate.of(2026, 2, 28), component(payload, "day"));
        assertEquals(Set.of("ops@acme.test"), component(payload, "recipients"));
        assertEquals(List.of(1, 2, 23), boxed((int[]) component(payload, "hours")));
        assertEquals(List.of((byte) 7, (byte) -1), boxed((byte[]) component(payload, "logo")));
    }

    @Test
    void badPayloadNamesJobPathAndProblem() throws Exception {
        String json = "{\"orderId\":\"" + ORDER + "\",\"items\":[{\"sku\":\"A-1\",\"quantity\":2,\"price\":\"1\"},"
                + "{\"sku\":\"B-2\",\"quantity\":\"lots\",\"price\":\"1\"}]}";
        PayloadException e = decodeFails("ShipOrderCodec", json);
        assertEquals("cannot decode the payload of job 'ship-order' at $.items[1].quantity: expected an int (a whole number),"
                + " found the string \"lots\"", e.getMessage());
    }

    @Test
    void missingRequiredFieldIsNamed() throws Exception {
        PayloadException e = decodeFails("SendWelcomeEmailCodec", "{\"template\":\"welcome\"}");
        assertEquals("cannot decode the payload of job 'SendWelcomeEmail' at $: missing field 'userId'", e.getMessage());
    }

    @Test
    void unknownEnumConstantIsNamed() throws Exception {
        String json = "{\"orderId\":\"" + ORDER + "\",\"items\":[],\"address\":null,\"stock\":null,\"priority\":\"SOON\",\"total\":null}";
        PayloadException e = decodeFails("ShipOrderCodec", json);
        assertEquals("cannot decode the payload of job 'ship-order' at $.priority: expected one of [LOW, NORMAL, URGENT],"
                + " found the string \"SOON\"", e.getMessage());
    }

    @Test
    void workerDefinitionDescribesTheApplication() throws Exception {
        AppDefinition app = definition();
        assertEquals("ShopApp", app.name());
        assertEquals(List.of("Nightly", "SendWelcomeEmail", "ship-order"), app.jobTypes().stream().map(JobType::name).toList());
        JobType welcome = app.jobTypes().get(1);
        assertEquals("mail", welcome.queue());
        assertEquals(5, welcome.retries());
        assertEquals(java.time.Duration.ofSeconds(30), welcome.timeout());
        assertEquals(codecConstant("SendWelcomeEmailCodec", "FINGERPRINT"), welcome.fingerprint());
        assertEquals("userId:long,template:String", welcome.schema());
        assertEquals(16, welcome.fingerprint().length());
        assertEquals(List.of("Maintenance.healthCheck", "Maintenance.hourlyCleanup", "Maintenance.morningReport"),
                app.scheduledTasks().stream().map(ScheduledTask::name).toList());
        ScheduledTask health = app.scheduledTasks().get(0);
        assertEquals(ScheduledTask.Kind.INTERVAL, health.kind());
        assertEquals(false, health.overlap());
        assertEquals("health", health.jobType().queue());
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:30Z")), health.schedule().nextRunAfter(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void runnerRunsJobsOnInstancesFromTheComponent() throws Exception {
        JobRunner runner = runner();
        String welcome = (String) codecMethod("SendWelcomeEmailCodec", "encode").invoke(null, 42L, "welcome");
        runner.run("SendWelcomeEmail", welcome, context("SendWelcomeEmail"));
        assertEquals(List.of("shop@acme.test -> user-42: [test] welcome"), outbox());
    }

    @Test
    void jobsChainOtherJobsThroughTheInjectedDispatcher() throws Exception {
        JobRunner runner = runner();
        String order = (String) codecMethod("ShipOrderCodec", "encode").invoke(null, shipOrderArguments());
        runner.run("ship-order", order, context("ship-order"));
        assertEquals(List.of("shipped " + ORDER + " (2 items, URGENT, 139.98) attempt 1"), outbox());
        assertEquals(List.of("SendWelcomeEmail {\"userId\":7,\"template\":\"order-shipped\"}"), dispatcher.sent);
    }

    @Test
    void runnerRunsScheduledTasks() throws Exception {
        JobRunner runner = runner();
        runner.run("Maintenance.hourlyCleanup", "{}", context("Maintenance.hourlyCleanup"));
        runner.run("Maintenance.morningReport", "{}", context("Maintenance.morningReport"));
        assertEquals(List.of("cleanup by Maintenance.hourlyCleanup", "morning report"), outbox());
    }

    @Test
    void unknownNameIsReported() throws Exception {
        UnknownJobException e = assertThrows(UnknownJobException.class, () -> runner().run("RenamedJob", "{}", context("RenamedJob")));
        assertEquals("RenamedJob", e.jobName());
    }

    @Test
    void runnerReportsBadPayloadsAsPayloadException() throws Exception {
        PayloadException e = assertThrows(PayloadException.class,
                () -> runner().run("SendWelcomeEmail", "not json", context("SendWelcomeEmail")));
        assertTrue(e.getMessage().startsWith("cannot decode the payload of job 'SendWelcomeEmail' at $: malformed JSON"), e.getMessage());
    }

    @Test
    void definitionValidatesPayloadsWithTheJobsCodecsAndRunsNothing() throws Exception {
        AppDefinition.PayloadValidator validator = definition().payloadValidator();
        String welcome = (String) codecMethod("SendWelcomeEmailCodec", "encode").invoke(null, 42L, "welcome");
        validator.validate("SendWelcomeEmail", welcome);
        validator.validate("ship-order", (String) codecMethod("ShipOrderCodec", "encode").invoke(null, shipOrderArguments()));

        PayloadException wrongType = assertThrows(PayloadException.class,
                () -> validator.validate("SendWelcomeEmail", "{\"userId\":\"forty-two\",\"template\":\"welcome\"}"));
        assertTrue(wrongType.getMessage().startsWith("cannot decode the payload of job 'SendWelcomeEmail' at $.userId: "),
                wrongType.getMessage());
        PayloadException missing = assertThrows(PayloadException.class,
                () -> validator.validate("ship-order", "{\"orderId\":\"" + ORDER + "\"}"));
        assertTrue(missing.getMessage().startsWith("cannot decode the payload of job 'ship-order'"), missing.getMessage());
        assertTrue(missing.getMessage().contains("items"), "names the missing field: " + missing.getMessage());

        assertEquals("Maintenance.hourlyCleanup", assertThrows(UnknownJobException.class,
                () -> validator.validate("Maintenance.hourlyCleanup", "{}")).jobName(), "tasks take no payload");
        assertEquals("RenamedJob", assertThrows(UnknownJobException.class, () -> validator.validate("RenamedJob", "{}")).jobName());
        assertEquals(List.of(), outbox(), "validating runs no job");
    }

    private Object[] shipOrderArguments() throws ReflectiveOperationException {
        Class<?> lineItem = classes.load(SHOP + "LineItem");
        Class<?> address = classes.load(SHOP + "Address");
        Object[] priorities = classes.load(SHOP + "Priority").getEnumConstants();
        List<Object> items = List.of(
                lineItem.getDeclaredConstructors()[0].newInstance("A-1", 2, new BigDecimal("9.99")),
                lineItem.getDeclaredConstructors()[0].newInstance("B-2", 1, new BigDecimal("120.00")));
        Map<String, Integer> stock = new LinkedHashMap<>();
        stock.put("A-1", 5);
        stock.put("B-2", null);
        return new Object[] {
            ORDER,
            items,
            address.getDeclaredConstructors()[0].newInstance("Main St 1", "Berlin", Optional.of("10115")),
            Optional.of(Instant.parse("2026-03-01T09:30:00Z")),
            stock,
            priorities[2],
            new BigDecimal("139.98")
        };
    }

    private static Method codecMethod(String codec, String name) {
        for (Method method : classes.load(SHOP + codec).getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalStateException(codec + " has no method " + name);
    }

    private static Object codecConstant(String codec, String name) throws ReflectiveOperationException {
        return classes.load(SHOP + codec).getField(name).get(null);
    }

    private static PayloadException decodeFails(String codec, String json) {
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> codecMethod(codec, "decode").invoke(null, json));
        return assertInstanceOf(PayloadException.class, e.getCause());
    }

    private static Object component(Object record, String name) throws ReflectiveOperationException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component.getAccessor().invoke(record);
            }
        }
        throw new IllegalArgumentException(record.getClass() + " has no component " + name);
    }

    private static AppDefinition definition() throws ReflectiveOperationException {
        Object mailModule = classes.load(SHOP + "MailModule").getConstructor(String.class).newInstance("shop@acme.test");
        Method definition = classes.load(SHOP + "ShopAppWorker").getMethod("definition", classes.load(SHOP + "MailModule"));
        return (AppDefinition) definition.invoke(null, mailModule);
    }

    private JobRunner runner() throws ReflectiveOperationException {
        return definition().runnerFactory().create(dispatcher, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                Settings.of(Map.of("shop.mail.prefix", "[test] ")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> outbox() throws ReflectiveOperationException {
        return (List<String>) classes.load(SHOP + "Outbox").getField("SENT").get(null);
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    private static List<Byte> boxed(byte[] values) {
        List<Byte> list = new ArrayList<>();
        for (byte value : values) {
            list.add(value);
        }
        return list;
    }

    private static JobContext context(String name) {
        return new FixedJobContext(name, Instant.EPOCH);
    }

    /** A dispatcher that records what the generated code sends through it. */
    private static final class RecordingDispatcher implements Dispatcher {
        final List<String> sent = new ArrayList<>();

        @Override
        public JobHandle dispatch(JobType type, String payload, DispatchOptions options) {
            sent.add(type.name() + " " + payload);
            return new JobHandle("job-" + sent.size(), false, this);
        }

        @Override
        public List<JobHandle> dispatchAll(List<PendingDispatch> dispatches) {
            List<JobHandle> handles = new ArrayList<>();
            for (PendingDispatch pending : dispatches) {
                handles.add(dispatch(pending.type(), pending.payload(), pending.options()));
            }
            return handles;
        }

        @Override
        public Optional<JobState> status(String jobId) {
            return Optional.empty();
        }

        @Override
        public boolean cancel(String jobId) {
            return false;
        }
    }
}
