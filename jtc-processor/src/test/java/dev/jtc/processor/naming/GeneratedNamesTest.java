package dev.jtc.processor.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.naming.GeneratedNames.CodecNames;
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
    void codecNamesAreStableAndDisambiguated() {
        CodecNames codecs = new CodecNames();
        ClassName mail = ClassName.get("com.acme.mail", "Notify");
        ClassName sms = ClassName.get("com.acme.sms", "Notify");
        assertEquals("NotifyCodec", codecs.codecFor(mail, name -> false));
        assertEquals("SmsNotifyCodec", codecs.codecFor(sms, name -> false));
        assertEquals("NotifyCodec", codecs.codecFor(mail, name -> true), "a job keeps its codec's name in later rounds");
        assertEquals("ReportCodec2", codecs.codecFor(ClassName.get("com.acme", "Report"),
                name -> name.equals("ReportCodec") || name.equals("AcmeReportCodec")));
    }
}
