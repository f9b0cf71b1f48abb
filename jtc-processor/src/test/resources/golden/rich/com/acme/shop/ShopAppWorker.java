package com.acme.shop;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.cli.JtcCommandLine;
import javax.annotation.processing.Generated;

/**
 * Runs {@link ShopApp} as a worker. Its modules need instances, so there is no generated {@code main}:
 * call {@code System.exit(JtcCommandLine.run(args, ShopAppWorker.definition(new MailModule(...))))} from the application's own main.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class ShopAppWorker {
    private ShopAppWorker() {
    }

    /**
     * Everything the runtime needs from {@link ShopApp}: its job types, its scheduled tasks, how to
     * build the dispatch table over a component bound to the runtime's dispatcher, clock and settings, and
     * how to check a payload with the jobs' codecs.
     */
    public static AppDefinition definition(MailModule mailModule) {
        return new AppDefinition("ShopApp", "com.acme.shop", ShopAppJobs.JOB_TYPES, ShopAppScheduleRegistry.TASKS,
                (dispatcher, clock, settings) -> new ShopAppJobRunner(DaggerShopAppComponent.factory().create(dispatcher, clock, settings, mailModule)),
                ShopAppJobRunner::validatePayload);
    }
}
