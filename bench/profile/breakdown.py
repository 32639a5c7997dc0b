"""Prints where a request's CPU time goes, from the async-profiler windows that bench/profile/breakdown recorded.

usage: breakdown.py SERVER MEASURED_TXT CLK_TCK [DOCS_PAGE]      (SERVER: payara or wildfly)
Each line of MEASURED_TXT: name, comma-separated collapsed-stack files, requests/s, CPU ticks of the measured minute.
A part's CPU microseconds per request = its share of the samples × the server's CPU time / the requests served.
"""
import collections
import subprocess
import sys
from datetime import datetime, timezone

MEASURED_S = 60
BEGIN, END = "<!-- bench:breakdown:begin", "<!-- bench:breakdown:end -->"

# (part, test on the thread name, test on the stack): the first that matches takes the sample.


def hookline(request_thread):
    """Hookline's own parts of a request, on the server's request threads, before the layers around them."""
    return [(part, request_thread, frame) for part, frame in [
        ("Hookline: storing the delivery (JDBC insert, commit)", "insertAll"),
        ("Hookline: handing stored deliveries to dispatch", "Inbox.handToDispatch"),
        ("Hookline: waiting for the group commit", "GroupCommit$Pending.join"),
        ("Hookline: the rest of the resource method", "WebhookResource.receive"),
        ("Hookline: signature filter (body read, HMAC)", "SignatureFilter.filter"),
    ]]


JVM = [
    ("garbage collection", "GC", ""),
    ("garbage collection", "G1", ""),
    ("garbage collection", "VM Thread", ""),
    ("JIT compilers", "Compiler", ""),
]
OTHER = [("other", "", "")]

PAYARA = hookline("http-thread") + [
    ("resource method: the rest (reflection, CDI proxy; all of the no-op's)", "http-thread",
     "ResourceMethodInvoker.invoke"),
    ("Jersey: routing, filters, writing the answer's entity", "http-thread", "ApplicationHandler.handle"),
    ("servlet container: security (JACC) checks", "http-thread", "AuthenticatorBase.invoke"),
    ("servlet container: the rest", "http-thread", "CoyoteAdapter.service"),
    ("HTTP: writing the answer (Grizzly, socket write)", "http-thread", "HttpServerFilter.afterService"),
    ("HTTP: request threads going idle and woken for the next request", "http-", "SyncThreadWorker.getTask"),
    ("HTTP: reading and parsing the request (Grizzly)", "http-", ""),
    # Hookline's dispatch pool and its poll run on threads of the server's default managed thread factories.
    ("dispatch threads (observers, outcome, log line)", "ThreadFactory-Thread", ""),
    ("dispatch threads (observers, outcome, log line)", "Dispatch", ""),
] + JVM + [
    ("H2's background writer", "H2", ""),
    ("H2's background writer", "MVStore", ""),
] + OTHER

# Undertow parses a request on one of its I/O threads and hands it to a request thread ("default task-N"), which runs
# the servlet, RESTEasy and the resource; the answer is written from the request thread.
WILDFLY = hookline("default task") + [
    ("resource method: the rest (reflection, CDI proxy, validation; all of the no-op's)", "default task",
     "ResourceMethodInvoker.invoke"),
    ("RESTEasy: routing, filters, writing the answer's entity", "default task", "SynchronousDispatcher"),
    ("servlet container (Undertow's servlet layer, Elytron, Weld's request context)", "default task",
     "io/undertow/servlet"),
    ("HTTP on request threads: writing, going idle and woken", "default task", ""),
    ("HTTP I/O threads: reading, parsing, handing to request threads, waiting for the selector", "I/O", ""),
    ("dispatch threads (observers, outcome, log line)", "ManagedThreadFactory", ""),
    ("dispatch threads (observers, outcome, log line)", "ManagedScheduledExecutorService", ""),
] + JVM + OTHER
SERVERS = {"payara": ("Payara Micro", PAYARA), "wildfly": ("WildFly", WILDFLY)}


def shares(files, parts):
    counts, total = collections.Counter(), 0
    for path in files:
        with open(path) as f:
            for line in f:
                stack, n = line.rsplit(" ", 1)
                n = int(n)
                thread = stack.split(";", 1)[0]
                total += n
                part = next(p for p, t, s in parts if t in thread and s in stack)
                counts[part] += n
    return {part: n / total for part, n in counts.items()}


def table(server, runs):
    label, rules = SERVERS[server]
    names = list(runs)
    parts = list(dict.fromkeys(p for p, _, _ in rules))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    out = [f"Profiled {datetime.now(timezone.utc).strftime('%Y-%m-%d')} at commit `{commit}` by "
           f"`bench/profile/breakdown`: {label} pinned to core 1 after its warm-up, {MEASURED_S} s of wrk at 32 "
           "connections, async-profiler's CPU samples shared out over the server's CPU time.", "",
           "| CPU µs per request | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for part in parts:
        if any(runs[n][2].get(part, 0) >= 0.05 for n in names):
            out.append(f"| {part} | " + " | ".join(f"{runs[n][2].get(part, 0):.1f}" for n in names) + " |")
    out.append("| **all** | " + " | ".join(f"**{runs[n][1]:.0f}**" for n in names) + " |")
    out.append("| requests/s while profiled | " + " | ".join(f"{runs[n][0]:.0f}" for n in names) + " |")
    return "\n".join(out) + "\n"


def main():
    server, measured, clk_tck = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rules = SERVERS[server][1]
    runs = {}
    for line in open(measured):
        name, files, rate, ticks = line.split()
        rate, cpu_s = float(rate), int(ticks) / clk_tck
        per_request_us = cpu_s * 1e6 / (rate * MEASURED_S)
        runs[name] = (rate, per_request_us, {p: s * per_request_us for p, s in shares(files.split(","), rules).items()})
    text = table(server, runs)
    print(text)
    if len(sys.argv) > 4:
        with open(sys.argv[4]) as f:
            page = f.read()
        if BEGIN in page and END in page:
            head, rest = page.split(BEGIN, 1)
            page = head + BEGIN + rest[:rest.index("-->") + 3] + "\n" + text + rest[rest.index(END):]
            with open(sys.argv[4], "w") as f:
                f.write(page)


if __name__ == "__main__":
    main()
