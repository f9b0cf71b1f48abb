package dev.jtc.processor.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.naming.GeneratedNames.MarkerKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class GeneratedNamesTest {

    @Test
    void lowerCamelKeepsTheNextWordsCapital() {
        assertEquals("sendWelcomeEmail", GeneratedNames.lowerCamel("SendWelcomeEmail"));
        assertEquals("urlFetcher", GeneratedNames.lowerCamel("URLFetcher"));
        assertEquals("io", GeneratedNames.lowerCamel("IO"));
        assertEquals("already", GeneratedNames.lowerCamel("already"));
    }

    @Test
    void upperSnakeSplitsWordsAndSeparators() {
        assertEquals("SEND_WELCOME_EMAIL", GeneratedNames.upperSnake("SendWelcomeEmail"));
        assertEquals("WELCOME_EMAIL", GeneratedNames.upperSnake("welcome-email"));
        assertEquals("MAINTENANCE_HOURLY_CLEANUP", GeneratedNames.upperSnake("Maintenance.hourlyCleanup"));
        assertEquals("URL_FETCHER_V2", GeneratedNames.upperSnake("URLFetcher.v2"));
    }

    @Test
    void nestedClassesFlatten() {
        assertEquals("Reports_Nightly", GeneratedNames.flatName(ClassName.get("com.acme", "Reports", "Nightly")));
    }

    @Test
    void applicationClassNamesComeFromTheApplication() {
        GeneratedNames names = new GeneratedNames("com.acme", "ShopApp");
        assertEquals("com.acme.ShopAppJobs", names.jobs().canonicalName());
        assertEquals("com.acme.ShopAppJobRunner", names.jobRunner().canonicalName());
        assertEquals("com.acme.ShopAppScheduleRegistry", names.scheduleRegistry().canonicalName());
        assertEquals("com.acme.ShopAppComponent", names.component().canonicalName());
        assertEquals("com.acme.DaggerShopAppComponent", names.daggerComponent().canonicalName());
        assertEquals("com.acme.ShopAppWorker", names.worker().canonicalName());
    }

    @Test
    void companionsSitBesideTheirClass() {
        assertEquals("com.acme.mail.NotifyCodec", GeneratedNames.codec(ClassName.get("com.acme.mail", "Notify")).canonicalName());
        assertEquals("com.acme.Reports_NightlyCodec",
                GeneratedNames.codec(ClassName.get("com.acme", "Reports", "Nightly")).canonicalName());
        assertEquals("com.acme.MaintenanceSchedule", GeneratedNames.schedule(ClassName.get("com.acme", "Maintenance")).canonicalName());
    }

    @Test
    void markersAreUniquePerClassAndKind() {
        assertEquals("dev.jtc.contributions.com_acme_shop_Reports_Nightly_Job",
                GeneratedNames.marker(ClassName.get("com.acme.shop", "Reports", "Nightly"), MarkerKind.JOB).canonicalName());
        assertEquals("dev.jtc.contributions.com_acme_Maintenance_Tasks",
                GeneratedNames.marker(ClassName.get("com.acme", "Maintenance"), MarkerKind.TASKS).canonicalName());
        // Underscores are doubled, so these two never share a marker.
        assertNotEquals(GeneratedNames.marker(ClassName.get("com.acme_shop", "X"), MarkerKind.JOB),
                GeneratedNames.marker(ClassName.get("com.acme", "shop_X"), MarkerKind.JOB));
    }

    @Test
    void methodNamesComeFromTheWireNameAlone() {
        assertEquals("sendWelcomeEmail", GeneratedNames.methodName("SendWelcomeEmail"));
        assertEquals("shipOrder", GeneratedNames.methodName("ship-order"));
        assertEquals("shipOrder", GeneratedNames.methodName("ship_order"));
        assertEquals("maintenanceHealthCheck", GeneratedNames.methodName("Maintenance.healthCheck"));
        assertEquals("urlFetcherV2", GeneratedNames.methodName("URLFetcher.v2"));
        assertEquals("job2faReset", GeneratedNames.methodName("2fa-reset"));
        assertEquals("defaultJob", GeneratedNames.methodName("default"));
        assertEquals("waitJob", GeneratedNames.methodName("wait"));
        assertEquals("jobsJob", GeneratedNames.methodName("jobs"));
    }

    @Test
    void middlewareNamesGiveWayToJobsAndToEachOtherInOrder() {
        ClassName audit = ClassName.get("com.acme", "AuditTrail");
        ClassName otherAudit = ClassName.get("com.acme.billing", "AuditTrail");
        ClassName thirdAudit = ClassName.get("org.acme", "AuditTrail");
        ClassName logAttempts = ClassName.get("dev.jtc.runtime.middleware", "LogAttempts");
        ClassName context = ClassName.get("com.acme", "Context");
        ClassName jobs = ClassName.get("com.acme", "Jobs");
        Map<ClassName, String> names = GeneratedNames.middlewareNames(List.of(audit, otherAudit, thirdAudit, logAttempts, context, jobs),
                Set.of("logAttempts"));
        assertEquals("auditTrail", names.get(audit));
        assertEquals("auditTrailMiddleware", names.get(otherAudit), "the second of one simple name");
        assertEquals("orgAcmeAuditTrail", names.get(thirdAudit), "the third spells its package");
        assertEquals("logAttemptsMiddleware", names.get(logAttempts), "a job or task method keeps its name");
        assertEquals("contextMiddleware", names.get(context), "a parameter of the dispatch table's run method");
        assertEquals("jobsMiddleware", names.get(jobs), "a method the component has");
    }
}
