// The BullMQ baseline of jtc's load driver (dev.jtc.bench.LoadDriver runs it with --bullmq).
//
// It puts BullMQ through the same phases as the Java systems, against the same private
// redis-server (never the shared one on 6379), with the same settings: single and batch enqueue
// for a fixed time, a timed drain of a pre-filled queue by one Worker, and enqueue-to-start
// latency at steady offered loads. Progress goes to stderr; the last line of stdout is one JSON
// object that LoadDriver reads: {"results":[{"phase","jobs","nanos","cpu":{..},"latency":{..}}]}.
//
// Completed jobs are kept 5 minutes (removeOnComplete {age: 300}), as jtc keeps completed records
// by default, so that neither side is spared the bookkeeping the other does.
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { performance } from 'node:perf_hooks';

const QUEUE = 'bench';
const WARMUP_DRAIN_JOBS = 20000;

function parseArgs(argv) {
  const o = {
    port: 0, seconds: 3, warmup: 1, producers: 2, batch: 100, drainJobs: 100000, maxJobs: 1000000, concurrency: 32,
    rates: [1000, 5000],
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    switch (name) {
      case 'port': o.port = Number(value); break;
      case 'seconds': o.seconds = Number(value); break;
      case 'warmup': o.warmup = Number(value); break;
      case 'producers': o.producers = Number(value); break;
      case 'batch': o.batch = Number(value); break;
      case 'drain-jobs': o.drainJobs = Number(value); break;
      case 'max-jobs': o.maxJobs = Number(value); break;
      case 'concurrency': o.concurrency = Number(value); break;
      case 'rates': o.rates = value.split(',').map(Number); break;
      default: throw new Error(`unknown option --${name} (LoadDriver passes --port, --seconds, --warmup, --producers,`
        + ' --batch, --drain-jobs, --max-jobs, --concurrency, --rates)');
    }
  }
  if (!o.port) throw new Error('--port of the redis-server to use is required');
  return o;
}

const options = parseArgs(process.argv.slice(2));
const connection = { host: '127.0.0.1', port: options.port, maxRetriesPerRequest: null };
const admin = new IORedis(connection);

const log = (message) => process.stderr.write(`bullmq: ${message}\n`);

/**
 * CPU microseconds used so far by redis-server (from INFO cpu) and by this Node process; also
 * starts Redis' command statistics afresh, as LoadDriver's CpuMeter does.
 */
async function cpuNow() {
  await admin.config('RESETSTAT');
  const info = await admin.info('cpu');
  let redisSeconds = 0;
  for (const line of info.split(/\r?\n/)) {
    if (line.startsWith('used_cpu_sys:') || line.startsWith('used_cpu_user:')) {
      redisSeconds += Number(line.slice(line.indexOf(':') + 1));
    }
  }
  const own = process.cpuUsage();
  return { redis: redisSeconds * 1e6, client: own.user + own.system };
}

/** The commands Redis spent most time in since the last cpuNow(), per job (from INFO commandstats). */
async function topCommands(jobs) {
  const costs = [];
  for (const line of (await admin.info('commandstats')).split(/\r?\n/)) {
    if (!line.startsWith('cmdstat_')) continue;
    const command = line.slice('cmdstat_'.length, line.indexOf(':'));
    if (command === 'info' || command.startsWith('config')) continue; // the meter's own
    const fields = Object.fromEntries(line.slice(line.indexOf(':') + 1).split(',').map((f) => f.split('=')));
    costs.push({ command, calls: Number(fields.calls) / jobs, micros: Number(fields.usec) / jobs });
  }
  return costs.sort((a, b) => b.micros - a.micros).slice(0, 6);
}

async function cpuSince(start, jobs) {
  if (jobs === 0) return {};
  const redisCommands = await topCommands(jobs);
  const end = await cpuNow();
  return {
    redisMicros: (end.redis - start.redis) / jobs, clientMicros: (end.client - start.client) / jobs, redisCommands,
  };
}

const newQueue = () => new Queue(QUEUE, { connection, defaultJobOptions: { removeOnComplete: { age: 300 } } });

const noopJobs = (count, stamp) => Array.from({ length: count }, () => ({ name: 'noop', data: { sentAt: stamp } }));

/** Runs `producers` async loops, each with its own Queue (own connection), until the deadline or the cap. */
async function flatOut(seconds, send) {
  const queues = Array.from({ length: options.producers }, newQueue);
  await Promise.all(queues.map((q) => q.waitUntilReady()));
  let total = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(queues.map(async (q) => {
    while (performance.now() < deadline && total < options.maxJobs) {
      total += await send(q);
    }
  }));
  const nanos = Math.round((performance.now() - start) * 1e6);
  await Promise.all(queues.map((q) => q.close()));
  return { jobs: total, nanos };
}

async function enqueueSingle(seconds) {
  const before = await cpuNow();
  const sent = await flatOut(seconds, async (q) => { await q.add('noop', { sentAt: 0 }); return 1; });
  const cpu = await cpuSince(before, sent.jobs);
  await admin.flushall();
  return { phase: 'enqueue-single', ...sent, cpu };
}

async function enqueueBatch(seconds) {
  const before = await cpuNow();
  const sent = await flatOut(seconds, async (q) => (await q.addBulk(noopJobs(options.batch, 0))).length);
  const cpu = await cpuSince(before, sent.jobs);
  await admin.flushall();
  return { phase: 'enqueue-batch', ...sent, cpu };
}

/** A Worker whose processor does nothing but, if asked, record the job's enqueue-to-start latency. */
function startWorker(onCompleted, latencies) {
  const worker = new Worker(QUEUE, async (job) => {
    if (latencies) latencies.push(performance.now() - job.data.sentAt);
  }, { connection, concurrency: options.concurrency, removeOnComplete: { age: 300 } });
  worker.on('completed', onCompleted);
  worker.on('error', (e) => log(`worker error: ${e.message}`));
  return worker;
}

function completionTarget() {
  let done = 0;
  let target = Infinity;
  let resolve;
  const reached = new Promise((r) => { resolve = r; });
  return {
    add() { done += 1; if (done >= target) resolve(performance.now()); },
    expect(jobs) { target = jobs; if (done >= target) resolve(performance.now()); },
    reached,
    done: () => done,
  };
}

async function withTimeout(promise, seconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function drain(jobs) {
  const filler = newQueue();
  for (let queued = 0; queued < jobs; queued += options.batch) {
    await filler.addBulk(noopJobs(Math.min(options.batch, jobs - queued), 0));
  }
  await filler.close();
  const target = completionTarget();
  target.expect(jobs);
  const before = await cpuNow();
  const start = performance.now();
  const worker = startWorker(() => target.add(), null);
  const end = await withTimeout(target.reached, 120, `drain of ${jobs} jobs (${target.done()} done)`);
  const cpu = await cpuSince(before, jobs);
  await worker.close();
  await admin.flushall();
  return { phase: 'drain', jobs, nanos: Math.round((end - start) * 1e6), cpu };
}

function percentile(sorted, percent) {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Offers `rate` jobs a second for `seconds`, spread over the producer loops. Node's timers tick in
 * whole milliseconds, so each loop sends whatever has fallen due when it wakes; every job is
 * stamped when it is handed to BullMQ, and how late that was against the schedule is the lag.
 */
async function latency(rate, seconds) {
  const latencies = [];
  const lags = [];
  const enqueueCalls = [];
  const target = completionTarget();
  const queues = Array.from({ length: options.producers }, newQueue);
  await Promise.all(queues.map((q) => q.waitUntilReady()));
  const before = await cpuNow();
  const worker = startWorker(() => target.add(), latencies);
  await worker.waitUntilReady();
  const interval = (1000 * options.producers) / rate;
  let sent = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(queues.map(async (q, producer) => {
    for (let k = 0; ; k++) {
      const due = start + (producer * interval) / options.producers + k * interval;
      if (due >= deadline) return;
      let now = performance.now();
      if (now < due) {
        await sleep(Math.max(0, Math.floor(due - now)));
        now = performance.now();
        while (now < due) { // the last fraction of a millisecond: yield until due
          await new Promise((r) => setImmediate(r));
          now = performance.now();
        }
      }
      lags.push(now - due);
      await q.add('noop', { sentAt: now });
      enqueueCalls.push(performance.now() - now);
      sent += 1;
    }
  }));
  const nanos = Math.round((performance.now() - start) * 1e6);
  target.expect(sent);
  await withTimeout(target.reached, 60, `latency phase at ${rate}/s (${target.done()} of ${sent} done)`);
  const cpu = await cpuSince(before, sent);
  await worker.close();
  await Promise.all(queues.map((q) => q.close()));
  await admin.flushall();
  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  enqueueCalls.sort((a, b) => a - b);
  const micros = (ms) => ms * 1000;
  return {
    phase: `latency-${rate}`, jobs: sent, nanos, cpu,
    latency: {
      count: latencies.length,
      p50: micros(percentile(latencies, 50)),
      p99: micros(percentile(latencies, 99)),
      p999: micros(percentile(latencies, 99.9)),
      max: micros(latencies.length ? latencies[latencies.length - 1] : 0),
      lagP99: micros(percentile(lags, 99)),
      enqueueP99: micros(percentile(enqueueCalls, 99)),
    },
  };
}

function report(result) {
  const cpu = result.cpu.redisMicros === undefined ? ''
    : `; CPU/job: redis ${result.cpu.redisMicros.toFixed(1)} µs, client ${result.cpu.clientMicros.toFixed(1)} µs`;
  const commands = (result.cpu.redisCommands || [])
    .map((c) => `${c.command} ${c.calls.toFixed(2)}×/${c.micros.toFixed(1)} µs`).join(', ');
  if (result.latency) {
    const l = result.latency;
    log(`${result.phase}: ${result.jobs} jobs, p50 ${(l.p50 / 1000).toFixed(3)} ms, p99 ${(l.p99 / 1000).toFixed(3)} ms,`
      + ` p99.9 ${(l.p999 / 1000).toFixed(3)} ms (enqueue call p99 ${(l.enqueueP99 / 1000).toFixed(3)} ms,`
      + ` producer lag p99 ${(l.lagP99 / 1000).toFixed(3)} ms)${cpu}`);
  } else {
    const perSecond = result.jobs / (result.nanos / 1e9);
    log(`${result.phase}: ${result.jobs} jobs in ${(result.nanos / 1e9).toFixed(2)} s = ${Math.round(perSecond)} jobs/s${cpu}`);
  }
  if (commands) log(`${result.phase}: Redis time per job by command (calls/time): ${commands}`);
  return result;
}

async function main() {
  await admin.flushall();
  log('warming up');
  await enqueueSingle(options.warmup);
  await enqueueBatch(options.warmup);
  await drain(Math.min(WARMUP_DRAIN_JOBS, options.drainJobs));
  const results = [];
  results.push(report(await enqueueSingle(options.seconds)));
  results.push(report(await enqueueBatch(options.seconds)));
  results.push(report(await drain(options.drainJobs)));
  await latency(options.rates[0], options.warmup); // settles after the drain, unmeasured, as LoadDriver does
  for (const rate of options.rates) {
    results.push(report(await latency(rate, options.seconds)));
  }
  await admin.quit();
  process.stdout.write(`${JSON.stringify({ results })}\n`);
}

main().catch((e) => {
  process.stderr.write(`bullmq driver: ${e.stack || e}\n`);
  process.exit(1);
});
