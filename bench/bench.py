"""Runs the ingest benchmark of issue 7 and prints one table; bench/run is the entry point (it builds and locks).

Each target (Hookline, the no-op ceiling, the peers) is started alone, pinned to core 1, warmed up, then driven for
several rounds by wrk pinned to core 0 with correctly signed 1 KiB deliveries, each with a delivery id never sent
before. Per round it records requests/s, wrk's p50/p99, the target's CPU time (utime + stime of its process tree from
/proc) and its RSS. Hookline on Payara Micro with H2 is measured first and again last, to show drift. On Hookline on
Payara Micro with PostgreSQL it then measures end-to-end latency (received → observer notified) at half the peak rate,
and the backlog.
"""
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
RESULTS = os.path.join(BENCH, "results")
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def env(name, default):
    return type(default)(os.environ.get(name, default))


# 120 s at least: after 40 s the no-op endpoint on Payara Micro still doubled its rate from one 30 s round to the next.
# A round is measured right after it: what a node delivers two minutes after it started (every rolling deploy, every
# scale-out). Then more, in steps, until the rate stops rising: on one core the JIT competes with the server it
# compiles, and Hookline on Payara Micro was seen still rising after 400 s.
WARMUP = env("BENCH_WARMUP", 120)
WARMUP_MAX = env("BENCH_WARMUP_MAX", 480)
WARMUP_STEP = 30
RISING = 0.03  # a step more than 3 % faster than every step before it: still warming up
DURATION = env("BENCH_DURATION", 30)
ROUNDS = env("BENCH_ROUNDS", 3)
CONNECTIONS = env("BENCH_CONNECTIONS", 32)
JVM_OPTS = os.environ.get("BENCH_JVM_OPTS", "-Xmx512m").split()
ONLY = [t for t in os.environ.get("BENCH_ONLY", "").split(",") if t]
JFR = os.environ.get("BENCH_JFR", "")  # a directory: one recording per Java target
SERVER_CPU = os.environ.get("BENCH_SERVER_CPU", "1")
LOAD_CPU = os.environ.get("BENCH_LOAD_CPU", "0")
# "batch": every server runs under the SCHED_BATCH policy (chrt -b 0): a thread woken up does not preempt the thread
# running on the core (item 35)
SCHED = os.environ.get("BENCH_SCHED", "")
DRAIN_TIMEOUT = env("BENCH_DRAIN_TIMEOUT", 300)
# server-config/payara-micro/tuning.asadmin on every Payara Micro, server-config/wildfly/tuning.cli on every WildFly,
# and server-config/jvm-options on both
TUNING = os.environ.get("BENCH_TUNING", "1") == "1"
SERVER_JVM_OPTS = JVM_OPTS + ([line.strip() for line in open(os.path.join(ROOT, "server-config", "jvm-options"))
                               if line.strip() and not line.startswith("#")] if TUNING else [])
# Ports of their own, so that a developer's server on 8080 is neither hit nor in the way.
JAVA_PORT = env("BENCH_PORT", 18080)
FLASK_PORT, NODE_PORT = JAVA_PORT + 1, JAVA_PORT + 2
PAYARA_VERSION = "6.2025.10"
PAYARA_JAR = os.path.expanduser(
    f"~/.m2/repository/fish/payara/extras/payara-micro/{PAYARA_VERSION}/payara-micro-{PAYARA_VERSION}.jar")
PG_DATABASE = "hookline_bench"
# End to end is measured on the database for production use: under a full run's load, Payara Micro's embedded H2 has
# failed with "Chunk ... not found" on reads (see docs/benchmarks.md), and a backlog it cannot claim never drains.
E2E_TARGET = os.environ.get("BENCH_E2E", "hookline-payara-pg")
SMOKE = WARMUP < 40 or DURATION < 30 or ROUNDS < 3


def log(message):
    print(f"[bench {datetime.now().strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- process accounting from /proc

def tree(root):
    """The pid and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:
            pass
    return total / CLK_TCK


def core_ticks(cpu):
    """(busy, all) ticks of one core since boot, from /proc/stat: busy is everything but idle and I/O wait."""
    with open("/proc/stat") as f:
        for line in f:
            if line.startswith(f"cpu{cpu} "):
                ticks = [int(v) for v in line.split()[1:]]
                return sum(ticks) - ticks[3] - ticks[4], sum(ticks)
    return 0, 0


def rss_kb(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * PAGE_KB
        except OSError:
            pass
    return total


def pg_commits():
    """Transactions committed in the bench database so far: a round's count over its requests is how many
    transactions a delivery costs (group commit and dispatch batches make it less than two)."""
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-At", "-c",
                          f"SELECT xact_commit FROM pg_stat_database WHERE datname = '{PG_DATABASE}'"],
                         capture_output=True, text=True)
    return int(out.stdout.strip() or 0) if out.returncode == 0 else 0


def pg_backends():
    """Backends of PostgreSQL serving the bench database: their CPU counts towards the PostgreSQL target."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    cmd = f.read().decode(errors="replace")
                if cmd.startswith("postgres:") and f" {PG_DATABASE} " in cmd:
                    pids.append(int(entry))
            except OSError:
                pass
    return pids


# ---------------------------------------------------------------- targets

class Target:
    """A server to measure: how to start it, where to send deliveries, and whether it is Hookline."""

    def __init__(self, name, label, command, url, cwd=None, env_extra=None, hookline=False, server="",
                 uses_pg=False, prepare=None):
        self.name, self.label, self.command, self.url = name, label, command, url
        self.cwd, self.env_extra, self.hookline, self.server = cwd, env_extra or {}, hookline, server
        self.uses_pg, self.prepare = uses_pg, prepare
        self.process = None

    def start(self, work):
        port = int(re.match(r"http://[^:/]+:(\d+)/", self.url).group(1))
        if port_open(port):
            raise RuntimeError(f"port {port} is already in use: something else would answer instead of {self.label}")
        if self.prepare:
            self.prepare()
        log(f"starting {self.label}")
        self.log_path = os.path.join(work, f"{self.name}.log")
        out = open(self.log_path, "w")
        policy = ["chrt", "--batch", "0"] if SCHED == "batch" else []
        self.process = subprocess.Popen(["taskset", "-c", SERVER_CPU] + policy + self.command, cwd=self.cwd or work,
                                        env={**os.environ, **self.env_extra}, stdout=out, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self.started = time.time()

    def pids(self):
        return tree(self.process.pid) + (pg_backends() if self.uses_pg else [])

    def server_pids(self):
        return tree(self.process.pid)

    def stop(self):
        """Stops the whole process group (standalone.sh's java too) and waits until all of it is gone."""
        if self.process:
            log(f"stopping {self.label}")
            group = self.process.pid
            try:
                os.killpg(group, signal.SIGTERM)
                deadline = time.time() + 60
                while group_alive(group) and time.time() < deadline:
                    self.process.poll()
                    time.sleep(0.2)
                if group_alive(group):
                    os.killpg(group, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
        self.process = None

    def base(self):
        return self.url.split("/api/")[0]


def payara(name, label, war, work, hookline, postgres=False):
    root = os.path.join(work, f"{name}-root")
    command = ["java"] + SERVER_JVM_OPTS
    if JFR:
        os.makedirs(JFR, exist_ok=True)
        recording = os.path.join(JFR, f"{name}.jfr")
        command.append(f"-XX:StartFlightRecording=filename={recording},settings=profile,dumponexit=true")
    properties = os.path.join(work, f"{name}.properties")
    with open(properties, "w") as out:
        out.write(open(os.path.join(BENCH, "payara", "bench.properties")).read())
    command += ["-jar", PAYARA_JAR, "--nocluster", "--disablephonehome", "--port", str(JAVA_PORT), "--rootdir", root,
                "--deploy", war, "--contextroot", "/", "--systemproperties", properties]
    postboot = [os.path.join(ROOT, "server-config", "payara-micro", "tuning.asadmin")] if TUNING else []
    if postgres:
        command += ["--addlibs", pg_driver()]
        postboot.append(os.path.join(BENCH, "payara", "postgres.asadmin"))
    postboot = [p for p in postboot if os.path.exists(p)]
    if postboot:
        joined = os.path.join(work, f"{name}-postboot.asadmin")
        with open(joined, "w") as out:
            for path in postboot:
                out.write(open(path).read() + "\n")
        command += ["--postbootcommandfile", joined]

    def prepare():
        shutil.rmtree(root, ignore_errors=True)
        if postgres:
            fresh_database()

    return Target(name, label, command, f"http://127.0.0.1:{JAVA_PORT}/api/webhooks/bench", hookline=hookline,
                  server="Payara Micro " + PAYARA_VERSION, uses_pg=postgres, prepare=prepare)


def wildfly(name, label, war, work, hookline, jboss_home, postgres=False):
    base = os.path.join(work, f"{name}-base")
    context = "hookline" if hookline else "ceiling"

    def prepare():
        if postgres:
            fresh_database()
        shutil.rmtree(base, ignore_errors=True)
        shutil.copytree(os.path.join(jboss_home, "standalone"), base)
        shutil.copy(war, os.path.join(base, "deployments", context + ".war"))
        if TUNING:
            tune_wildfly(jboss_home, base, work, name)

    command = [os.path.join(jboss_home, "bin", "standalone.sh"), f"-Djboss.server.base.dir={base}",
               "-P", os.path.join(BENCH, "payara", "bench.properties"), "-Djboss.bind.address=127.0.0.1",
               f"-Djboss.socket.binding.port-offset={JAVA_PORT - 8080}"]
    # JBOSS_JAVA_SIZING, not JAVA_OPTS: standalone.conf's other defaults (module packages, headless) stay.
    extra = {"JBOSS_JAVA_SIZING": " ".join(SERVER_JVM_OPTS)}
    return Target(name, label, command, f"http://127.0.0.1:{JAVA_PORT}/{context}/api/webhooks/bench", env_extra=extra,
                  hookline=hookline, server="WildFly", uses_pg=postgres, prepare=prepare)


def tune_wildfly(jboss_home, base, work, name):
    """Applies server-config/wildfly/tuning.cli to this target's copy of the server, offline (embedded)."""
    script = os.path.join(work, f"{name}-tuning.cli")
    with open(script, "w") as out:
        out.write("embed-server --std-out=discard --server-config=standalone.xml\n")
        out.write(open(os.path.join(ROOT, "server-config", "wildfly", "tuning.cli")).read())
        out.write("\nstop-embedded-server\n")
    with open(os.path.join(work, f"{name}-tuning.log"), "w") as log_file:
        # On the server's core, so that the file's settings that follow the CPUs follow the server's.
        subprocess.run(["taskset", "-c", SERVER_CPU, os.path.join(jboss_home, "bin", "jboss-cli.sh"),
                        f"-Djboss.server.base.dir={base}", f"--file={script}"], stdout=log_file,
                       stderr=subprocess.STDOUT, check=True)


def group_alive(group):
    try:
        os.killpg(group, 0)
        return True
    except ProcessLookupError:
        return False


def port_open(port):
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def pg_driver():
    base = os.path.expanduser("~/.m2/repository/org/postgresql/postgresql")
    versions = sorted(os.listdir(base), key=lambda v: [int(x) if x.isdigit() else x for x in re.split(r"[.-]", v)])
    return os.path.join(base, versions[-1], f"postgresql-{versions[-1]}.jar")


def fresh_database():
    pg = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", "--if-exists", *pg, PG_DATABASE], check=True)
    subprocess.run(["createdb", *pg, PG_DATABASE], check=True)


def find_jboss_home(postgres=False):
    """JBOSS_HOME, else a WildFly under target/: the one bench/run provisions for the bench database when postgres
    is asked for (target/wildfly-postgresql is the in-server tests', configured for their database)."""
    if postgres:
        candidates = [os.environ.get("JBOSS_HOME_PG", ""), os.path.join(ROOT, "target", "wildfly-postgresql-bench")]
    else:
        candidates = [os.environ.get("JBOSS_HOME", "")]
        target = os.path.join(ROOT, "target")
        if os.path.isdir(target):
            candidates += [os.path.join(target, d) for d in sorted(os.listdir(target)) if "postgresql" not in d]
    for c in candidates:
        if c and os.path.exists(os.path.join(c, "bin", "standalone.sh")) and os.path.isdir(
                os.path.join(c, "standalone")):
            if postgres and not uses_bench_database(c):
                log(f"{c} is not configured for the database {PG_DATABASE}: not used")
                continue
            return c
    return None


def uses_bench_database(jboss_home):
    """Whether a WildFly's datasources point at the bench database: its backends are the ones whose CPU is counted."""
    with open(os.path.join(jboss_home, "standalone", "configuration", "standalone.xml")) as f:
        return f"/{PG_DATABASE}" in f.read()


def targets(work, wars):
    hookline_war, ceiling_war = wars
    peers = os.path.join(BENCH, "peers")
    t = [
        payara("hookline-payara-h2", "Hookline, Payara Micro, H2", hookline_war, work, True),
        payara("ceiling-payara", "no-op JAX-RS, Payara Micro", ceiling_war, work, False),
        Target("flask", "Flask (blog post), gunicorn 1 sync worker",
               ["gunicorn", "--workers", "1", "--worker-class", "sync", "--bind", f"127.0.0.1:{FLASK_PORT}", "app:app"],
               f"http://127.0.0.1:{FLASK_PORT}/webhook", cwd=os.path.join(peers, "flask"), server="gunicorn"),
        Target("octokit", "Node, @octokit/webhooks", ["node", "server.mjs"], f"http://127.0.0.1:{NODE_PORT}/webhook",
               cwd=os.path.join(peers, "node"), env_extra={"PORT": str(NODE_PORT)}, server="Node " + node_version()),
        payara("hookline-payara-pg", "Hookline, Payara Micro, PostgreSQL", hookline_war, work, True, postgres=True),
    ]
    jboss = find_jboss_home()
    if jboss:
        # Hookline on WildFly's default datasource only when asked for by name: that H2 is in memory, so every
        # stored delivery stays in the heap and the rate falls as the table grows (640 requests/s in one full run,
        # falling from 895 to 285 round by round). Hookline on WildFly is measured with PostgreSQL.
        if "hookline-wildfly-h2" in ONLY:
            t.append(wildfly("hookline-wildfly-h2", "Hookline, WildFly, H2", hookline_war, work, True, jboss))
        t.append(wildfly("ceiling-wildfly", "no-op JAX-RS, WildFly", ceiling_war, work, False, jboss))
    else:
        log("WildFly skipped: no JBOSS_HOME and no WildFly under target/ (mvn -Pwildfly ... provisions one)")
    jboss_pg = find_jboss_home(postgres=True)
    if jboss_pg:
        t.append(wildfly("hookline-wildfly-pg", "Hookline, WildFly, PostgreSQL", hookline_war, work, True, jboss_pg,
                         postgres=True))
    else:
        log("WildFly with PostgreSQL skipped: no JBOSS_HOME_PG and no target/wildfly-postgresql-bench")
    last = payara("hookline-payara-h2-last", "Hookline, Payara Micro, H2 (again, last)", hookline_war, work, True)
    t.append(last)
    if ONLY:
        t = [x for x in t if x.name in ONLY]
    return t


def node_version():
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


# ---------------------------------------------------------------- load

class Load:
    def __init__(self, requests_file):
        self.file = requests_file
        self.runs = 0
        self.tag = datetime.now().strftime("%Y%m%d%H%M%S")
        self.first = open(requests_file).readline().rstrip("\n").split("\t")

    def probe(self, target, timeout=240):
        """Sends one signed delivery until it is answered 2xx: the target is up and the signing is right."""
        deadline = time.time() + timeout
        n = 0
        while time.time() < deadline:
            if target.process.poll() is not None:
                raise RuntimeError(f"{target.label} exited; see {target.log_path}")
            n += 1
            body, github, legacy = self.first
            request = urllib.request.Request(target.url, data=body.encode(), method="POST", headers={
                "Content-Type": "application/json", "X-GitHub-Event": "push",
                "X-GitHub-Delivery": f"probe-{self.tag}-{target.name}-{n}",
                "X-Hub-Signature-256": github, "X-Signature": legacy})
            try:
                with urllib.request.urlopen(request, timeout=5) as answer:
                    if 200 <= answer.status < 300:
                        log(f"{target.label} answers {answer.status} after {time.time() - target.started:.0f} s")
                        return
            except Exception:
                pass
            time.sleep(1)
        raise RuntimeError(f"{target.label} did not answer a signed delivery within {timeout} s")

    def wrk(self, target, seconds, pace_ms=None):
        self.runs += 1
        script = "paced.lua" if pace_ms else "deliveries.lua"
        command = ["taskset", "-c", LOAD_CPU, "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s",
                   "-s", os.path.join(BENCH, "wrk", script), target.url, "--", self.file,
                   f"{self.tag}-{target.name}-{self.runs}"] + ([str(pace_ms)] if pace_ms else [])
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        line = next(l for l in out.splitlines() if l.startswith("BENCH "))
        result = json.loads(line[6:])
        result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
        result["errors"] = sum(result[k] for k in
                               ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"))
        return result

    def round(self, target, seconds):
        pids = target.server_pids()
        db = pg_backends() if target.uses_pg else []
        cpu0, db0 = cpu_seconds(pids), cpu_seconds(db)
        busy0, all0 = core_ticks(SERVER_CPU)
        commits0 = pg_commits() if target.uses_pg else 0
        result = self.wrk(target, seconds)
        result["db_commits"] = pg_commits() - commits0 if target.uses_pg else 0
        busy1, all1 = core_ticks(SERVER_CPU)
        pids = target.server_pids()
        # The server's core as a whole: the server, and whatever else ran there (PostgreSQL's backends are not
        # pinned, and the loopback's soft interrupts run where the packets are sent). Below 100 %, the server waited.
        result["core_busy"] = (busy1 - busy0) / (all1 - all0) if all1 > all0 else float("nan")
        result["cpu_s"] = cpu_seconds(pids) - cpu0
        result["db_cpu_s"] = cpu_seconds(pg_backends()) - db0 if target.uses_pg else 0.0
        result["rss_kb"] = rss_kb(pids)
        return result


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.loads(answer.read())


def drain(target):
    """Waits until no stored delivery waits for dispatch; returns (waiting at start, seconds, waiting at end)."""
    started = time.time()
    first = get_json(target.base() + "/bench-api/bench/backlog")
    current = first
    while current["waiting"] > 0 and time.time() - started < DRAIN_TIMEOUT:
        time.sleep(0.5)
        current = get_json(target.base() + "/bench-api/bench/backlog")
    return {"waiting_at_end_of_load": first["waiting"], "drain_s": time.time() - started,
            "waiting_after_drain": current["waiting"], "stored": current["stored"]}


def end_to_end(target, load, peak):
    """End-to-end latency at half the peak rate, paced by a pause per connection that a short run calibrates."""
    goal = peak / 2
    pause = max(1, round(1000 * CONNECTIONS / goal))
    calibration_s = max(5, min(10, DURATION // 3))
    for _ in range(3):
        achieved = load.wrk(target, calibration_s, pace_ms=pause)["rps"]
        cycle_ms = 1000 * CONNECTIONS / achieved
        latency_ms = max(0.0, cycle_ms - pause)
        better = max(1, round(1000 * CONNECTIONS / goal - latency_ms))
        log(f"pace {pause} ms per connection gave {achieved:.0f}/s for a goal of {goal:.0f}/s")
        if better == pause:
            break
        pause = better
    drain(target)
    urllib.request.urlopen(urllib.request.Request(target.base() + "/bench-api/bench/e2e", method="DELETE"), timeout=30)
    result = load.wrk(target, DURATION, pace_ms=pause)
    backlog = drain(target)
    e2e = get_json(target.base() + "/bench-api/bench/e2e")
    return {"goal_rps": goal, "pace_ms": pause, "rps": result["rps"], "ack_p50_us": result["p50_us"],
            "ack_p99_us": result["p99_us"], "errors": result["errors"], "e2e": e2e, "backlog": backlog}


# ---------------------------------------------------------------- the run

def warm_up(target, load):
    """WARMUP seconds, then one measured round (the target as a freshly started node serves), then steps of
    WARMUP_STEP until two steps in a row beat no earlier step by more than RISING.

    One step is not enough: the machine's noise makes single steps dip while the JIT is still raising the rate.
    """
    log(f"{target.label}: warm-up {WARMUP} s, then until the rate stops rising (at most {WARMUP_MAX} s)")
    first = load.wrk(target, WARMUP)
    steps, errors, seconds = [first["rps"]], first["errors"], WARMUP
    # Measured like a round: requests/s, latency and CPU of a node that has run for WARMUP seconds.
    fresh = load.round(target, DURATION)
    log(f"{target.label}: at {WARMUP} s: {fresh['rps']:.0f}/s p99 {fresh['p99_us'] / 1000:.1f} ms")
    steps.append(fresh["rps"])
    errors += fresh["errors"]
    seconds += DURATION
    flat = 0
    while seconds + WARMUP_STEP <= WARMUP_MAX and not SMOKE and flat < 2:
        step = load.wrk(target, WARMUP_STEP)
        flat = flat + 1 if step["rps"] <= max(steps) * (1 + RISING) else 0
        steps.append(step["rps"])
        errors += step["errors"]
        seconds += WARMUP_STEP
        log(f"{target.label}: warm-up step {step['rps']:.0f}/s")
    return {"seconds": seconds, "steps": steps, "errors": errors, "fresh": fresh}


def measure(target, load):
    target.start(WORK)
    try:
        load.probe(target)
        warm = warm_up(target, load)
        log(f"{target.label}: warmed up for {warm['seconds']} s, last step {warm['steps'][-1]:.0f}/s, "
            f"{warm['errors']} errors")
        rounds = []
        for n in range(ROUNDS):
            r = load.round(target, DURATION)
            log(f"{target.label}: round {n + 1}: {r['rps']:.0f}/s p50 {r['p50_us'] / 1000:.1f} ms "
                f"p99 {r['p99_us'] / 1000:.1f} ms cpu {r['cpu_s'] + r['db_cpu_s']:.1f} s "
                f"(server {r['cpu_s']:.1f}, its core {r['core_busy']:.0%} busy) errors {r['errors']}"
                + (f", {r['db_commits'] / r['requests']:.3f} commits a request" if r["db_commits"] else ""))
            rounds.append(r)
        if target.process.poll() is not None:
            raise RuntimeError(f"{target.label} exited during the run; see {target.log_path}")
        result = {"name": target.name, "label": target.label, "server": target.server, "hookline": target.hookline,
                  "uses_pg": target.uses_pg, "warmup": warm, "rounds": rounds}
        if target.hookline:
            result["backlog"] = drain(target)
            log(f"{target.label}: backlog {result['backlog']}")
        if target.name == E2E_TARGET:
            peak = statistics.median(r["rps"] for r in rounds)
            result["end_to_end"] = end_to_end(target, load, peak)
            log(f"{target.label}: end to end {result['end_to_end']}")
        return result
    finally:
        target.stop()


def main():
    hookline_war, ceiling_war, requests_file = sys.argv[1:4]
    global WORK
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    WORK = os.path.join(RESULTS, stamp)
    os.makedirs(WORK, exist_ok=True)
    load = Load(requests_file)
    run = {"started": stamp, "warmup_s": WARMUP, "warmup_max_s": WARMUP_MAX, "duration_s": DURATION, "rounds": ROUNDS,
           "connections": CONNECTIONS, "jvm_opts": SERVER_JVM_OPTS, "tuning": TUNING, "tuned": "Payara Micro and WildFly",
           "scheduling": SCHED or "default",
           "smoke": SMOKE, "commit": git_commit(), "cpu": cpu_model(), "targets": []}
    for target in targets(WORK, (hookline_war, ceiling_war)):
        try:
            run["targets"].append(measure(target, load))
        except Exception as e:  # one target failing must not lose the others' figures
            log(f"{target.label} FAILED: {e}")
            run["targets"].append({"name": target.name, "label": target.label, "failed": str(e)})
        with open(os.path.join(WORK, "results.json"), "w") as f:
            json.dump(run, f, indent=1)
    print(WORK)


def git_commit():
    return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "?"


if __name__ == "__main__":
    main()
