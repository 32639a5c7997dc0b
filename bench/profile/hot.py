"""Summarises a JFR recording's execution samples: inclusive share of chosen frames and the hottest call paths.

usage: hot.py RECORDING.jfr [FRAME_SUBSTRING ...]
Needs a JDK whose jfr tool has 'print --json' (any JDK 17+).
"""
import collections
import json
import subprocess
import sys


def samples(path):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        frames = event["values"]["stackTrace"]["frames"] if event["values"]["stackTrace"] else []
        yield event["values"]["sampledThread"]["javaName"] or "?", [
            f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]


def main():
    path, wanted = sys.argv[1], sys.argv[2:]
    all_samples = list(samples(path))
    total = len(all_samples)
    print(f"{total} samples")
    inclusive = collections.Counter()
    for _, frames in all_samples:
        for w in wanted:
            if any(w in f for f in frames):
                inclusive[w] += 1
    for w in wanted:
        print(f"{100 * inclusive[w] / total:5.1f} %  {w}")
    threads = collections.Counter(t.split("-")[0].rstrip("0123456789() ") for t, _ in all_samples)
    print("by thread:", ", ".join(f"{t} {100 * n / total:.0f} %" for t, n in threads.most_common(8)))
    first_app = collections.Counter()
    for _, frames in all_samples:
        app = next((f for f in frames if f.startswith("dev.hookline")), "(no Hookline frame)")
        first_app[app] += 1
    print("innermost Hookline frame:")
    for f, n in first_app.most_common(15):
        print(f"{100 * n / total:5.1f} %  {f}")


if __name__ == "__main__":
    main()
