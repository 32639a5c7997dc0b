"""Turns a run's results.json into the Markdown table of docs/benchmarks.md, and puts it there between the markers.

usage: report.py RESULTS_DIR [DOCS_FILE]
Every figure printed comes from results.json; nothing here is typed in.
"""
import json
import os
import statistics
import sys

BEGIN = "<!-- bench:results:begin (written by bench/run; do not edit by hand) -->"
END = "<!-- bench:results:end -->"


def summary(t, rounds=None):
    rounds = rounds or t["rounds"]
    cpu = sum(r["cpu_s"] + r["db_cpu_s"] for r in rounds)
    return {
        "rps": statistics.median(r["rps"] for r in rounds),
        "rps_all": [r["rps"] for r in rounds],
        "p50_ms": statistics.median(r["p50_us"] for r in rounds) / 1000,
        "p99_ms": statistics.median(r["p99_us"] for r in rounds) / 1000,
        "per_cpu_s": sum(r["requests"] for r in rounds) / cpu if cpu else float("nan"),
        "rss_mib": max(r["rss_kb"] for r in rounds) / 1024,
        "errors": sum(r["errors"] for r in rounds),
    }


def ratio(value, reference):
    return f"{value / reference:.2f}×" if reference else "–"


NO_REFERENCE = {"rps": None, "p99_ms": None, "per_cpu_s": None, "rss_mib": None}


def table(run):
    done = [t for t in run["targets"] if "rounds" in t]
    s = {t["name"]: summary(t) for t in done}
    ref = next((s[n] for n in ("hookline-payara-h2", "hookline-payara-h2-last") if n in s), None) or next(
        (s[n] for n in s if n.startswith("hookline-")), NO_REFERENCE)
    out = []
    kind = "SMOKE figures (short run: not for comparison)" if run["smoke"] else "full run"
    warmup = f"warm-up {run['warmup_s']} s" + (
        f", then 30 s steps until two in a row were no more than 3 % faster than every step before them (at most "
        f"{run['warmup_max_s']} s)"
        if "warmup_max_s" in run and not run["smoke"] else "")
    out.append(f"Run {run['started']} at commit `{run['commit']}`, {kind}: {warmup}, "
               f"{run['rounds']} rounds of {run['duration_s']} s, {run['connections']} connections, wrk on core "
               f"0, each server alone on core 1 ({run['cpu']}); JVM options `{' '.join(run['jvm_opts'])}`; "
               f"{run.get('tuned', 'Payara')} tuning {'on' if run.get('tuning', True) else 'off'}"
               f"{'; every server under SCHED_BATCH' if run.get('scheduling') == 'batch' else ''}.")
    out.append("")
    out.append("| target | requests/s | × | p50 ms | p99 ms | × | requests per CPU-s | × | RSS MiB | × | errors |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for t in run["targets"]:
        if t["name"] not in s:
            out.append(f"| {t['label']} | failed: {t.get('failed', '?')} |||||||||| ")
            continue
        x = s[t["name"]]
        out.append(f"| {t['label']} | {x['rps']:.0f} | {ratio(x['rps'], ref['rps'])} | {x['p50_ms']:.1f} | "
                   f"{x['p99_ms']:.1f} | {ratio(x['p99_ms'], ref['p99_ms'])} | {x['per_cpu_s']:.0f} | "
                   f"{ratio(x['per_cpu_s'], ref['per_cpu_s'])} | {x['rss_mib']:.0f} | "
                   f"{ratio(x['rss_mib'], ref['rss_mib'])} | {x['errors']} |")
    out.append("")
    out.append("× is the figure divided by Hookline's on Payara Micro with H2 (its first measurement, else the first "
               "Hookline row measured). Requests/s, "
               "p50 and p99 are medians over the rounds; requests per CPU-second divide all rounds' requests by the "
               "target's CPU time (utime + stime of its process tree; for PostgreSQL, plus the bench database's "
               "backends); RSS is the largest at the end of a round.")
    out.append("")
    if all("steps" in t["warmup"] for t in done):
        out.append("Warm-up, seconds (requests/s of each step): " + "; ".join(
            f"{t['label']}: {t['warmup']['seconds']} s (" + ", ".join(f"{v:.0f}" for v in t["warmup"]["steps"]) + ")"
            for t in done) + ".")
        out.append("")
    out.append("Per round, requests/s: " + "; ".join(
        f"{t['label']}: " + ", ".join(f"{v:.0f}" for v in s[t['name']]["rps_all"]) for t in done) + ".")
    out.append("")
    busy = [t for t in done if all("core_busy" in r for r in t["rounds"])]
    if busy:
        out.append("Per round, the server's core busy (the server, PostgreSQL's backends the scheduler put there, the "
                   "loopback's soft interrupts): " + "; ".join(
                       f"{t['label']}: " + ", ".join(f"{r['core_busy']:.0%}" for r in t["rounds"]) for t in busy) + ".")
        out.append("")
    fresh = {t["name"]: summary(t, [t["warmup"]["fresh"]]) for t in done if "fresh" in t["warmup"]}
    if fresh:
        out += fresh_table(run, done, fresh)
    for t in done:
        if "backlog" in t:
            b = t["backlog"]
            out.append(f"- {t['label']}: {b['stored']} deliveries stored; {b['waiting_at_end_of_load']} waiting "
                       f"for dispatch when the load stopped; {b['waiting_after_drain']} still waiting after "
                       f"{b['drain_s']:.1f} s of draining.")
        if "end_to_end" in t:
            e = t["end_to_end"]
            out.append(f"- End to end (received → observer notified), {t['label']}, at {e['rps']:.0f} requests/s "
                       f"(goal: half the peak, {e['goal_rps']:.0f}/s): p50 {e['e2e']['p50_us'] / 1000:.1f} ms, "
                       f"p99 {e['e2e']['p99_us'] / 1000:.1f} ms, max {e['e2e']['max_us'] / 1000:.1f} ms over "
                       f"{e['e2e']['notified']} deliveries received during the measurement"
                       f"{before(e['e2e'])}; acknowledgement p50 {e['ack_p50_us'] / 1000:.1f} ms, "
                       f"p99 {e['ack_p99_us'] / 1000:.1f} ms; backlog {e['backlog']['waiting_at_end_of_load']} "
                       f"when the load stopped, {e['backlog']['waiting_after_drain']} after "
                       f"{e['backlog']['drain_s']:.1f} s.")
    out.append("")
    out += targets(run, s, fresh)
    return "\n".join(out) + "\n"


def fresh_table(run, done, fresh):
    """The round measured right after the least warm-up: what a node serves that has just started."""
    flask = fresh.get("flask")
    out = [f"At {run['warmup_s']} s: one round of {run['duration_s']} s measured right after the least warm-up, "
           "what a node serves that started two minutes before (× against Flask in the same round).", "",
           "| target | requests/s | × Flask | p50 ms | p99 ms | requests per CPU-s | × Flask |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for t in done:
        if t["name"] not in fresh:
            continue
        x = fresh[t["name"]]
        out.append(f"| {t['label']} | {x['rps']:.0f} | {ratio(x['rps'], flask['rps'] if flask else None)} | "
                   f"{x['p50_ms']:.1f} | {x['p99_ms']:.1f} | {x['per_cpu_s']:.0f} | "
                   f"{ratio(x['per_cpu_s'], flask['per_cpu_s'] if flask else None)} |")
    out.append("")
    return out


def before(e2e):
    """Deliveries of an earlier backlog that were notified during the measurement: counted, not timed."""
    n = e2e.get("received_before", 0)
    return f" (and {n} received before it, not timed)" if n else ""


def targets(run, s, fresh):
    lines = ["Targets of issue 21, from this run:", ""]

    def check(text, value, goal, higher=True, unit="×"):
        if value is None:
            lines.append(f"- {text}: not measured in this run")
            return
        ok = value >= goal if higher else value <= goal
        shown = f"{value:.2f}{unit}" if unit == "×" else f"{value:.1f} {unit}"
        lines.append(f"- {text}: {shown} ({'met' if ok else 'MISSED'}; target {'≥' if higher else '≤'} {goal}"
                     f"{'' if unit == '×' else ' ' + unit})")

    def rate(figures, a, b, what="rps"):
        return figures[a][what] / figures[b][what] if a in figures and b in figures else None

    servers = [("Payara Micro", "hookline-payara-pg", "ceiling-payara"),
               ("WildFly", "hookline-wildfly-pg", "ceiling-wildfly")]
    for server, hookline, _ in servers:
        check(f"Hookline / Flask at {run['warmup_s']} s, {server}, PostgreSQL", rate(fresh, hookline, "flask"), 1.0)
    for server, hookline, _ in servers:
        check(f"Hookline / Flask at steady state, {server}, PostgreSQL", rate(s, hookline, "flask"), 1.5)
    for server, hookline, ceiling in servers:
        check(f"Hookline / its server's no-op at steady state, {server}, PostgreSQL", rate(s, hookline, ceiling), 0.5)
    for server, hookline, _ in servers:
        check(f"Requests per CPU-second (server and PostgreSQL) / Flask's, {server}",
              rate(s, hookline, "flask", "per_cpu_s"), 1.0)
    pg = [s[n]["p99_ms"] for _, n, _ in servers if n in s]
    check("Worst p99 acknowledgement on PostgreSQL at 32 connections, steady state", max(pg) if pg else None, 25,
          higher=False, unit="ms")
    e2e = next((t["end_to_end"] for t in run["targets"] if "end_to_end" in t), None)
    check("End-to-end p99 at half peak", e2e["e2e"]["p99_us"] / 1000 if e2e else None, 100, higher=False, unit="ms")
    return lines


def main():
    results = sys.argv[1]
    with open(os.path.join(results, "results.json")) as f:
        run = json.load(f)
    text = table(run)
    with open(os.path.join(results, "results.md"), "w") as f:
        f.write(text)
    print(text)
    if len(sys.argv) > 2:
        docs = sys.argv[2]
        with open(docs) as f:
            page = f.read()
        if BEGIN in page and END in page:
            head, rest = page.split(BEGIN, 1)
            page = head + BEGIN + "\n" + text + rest[rest.index(END):]
            with open(docs, "w") as f:
                f.write(page)


if __name__ == "__main__":
    main()
