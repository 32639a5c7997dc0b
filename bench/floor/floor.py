#!/usr/bin/env python3
"""PostgreSQL's floor: the CPU PostgreSQL spends on a delivery's durable row alone, with no Hookline in front of it.

A table made by Hookline's own migrations, then pgbench on core 0 (where bench/run puts wrk) making exactly the
transactions a Hookline node makes for deliveries it leases as it stores them: 16 rows inserted as one pipelined batch
in one transaction (ids that grow with time, headers of about 390 bytes, a body of 1 KiB, as bench/'s requests), and
their outcomes recorded in a second, one update a row, pipelined. PostgreSQL is left where the scheduler puts it, as
bench/run leaves it. A round's CPU is that of the backends that served pgbench: the postmaster counts the CPU of its
children that ended (cutime, cstime), and pgbench's connections end with the round. PostgreSQL's background processes
(WAL writer, checkpointer, background writer) are given apart. What bench/run reports as PostgreSQL's CPU a delivery
is its backends', comparable with the first figure. Any other backend that ends during a round counts too: run it on
a quiet machine, as bench/run.

usage: bench/floor/run [ROUNDS] [SECONDS] [CLIENTS]
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MIGRATIONS = os.path.join(ROOT, "src", "main", "resources", "db", "migration")
DATABASE = "hookline_floor"
PG = ["-h", "127.0.0.1", "-U", "postgres"]
BATCH = 16
CLK_TCK = os.sysconf("SC_CLK_TCK")

INSERT = ("INSERT INTO hookline_delivery (id, source, delivery_id, event_type, status, attempts,"
          " attempts_before_replay, received_at, next_attempt_at, last_attempt_at, claimed_by, lease_until,"
          " ordering_key, line_position, headers, body) VALUES (:prefix || '-{n:02d}', 'bench', :prefix || '-{n:02d}',"
          " 'push', 'PROCESSING', 1, 0, now(), NULL, now(), 'floor', now() + interval '5 minutes', NULL, NULL,"
          " :headers, decode(:body, 'hex'));")
# Hookline's outcome update (ClaimedDeliveries.FINISH), one row a statement.
FINISH = ("UPDATE hookline_delivery SET status = 'PROCESSED', last_error = NULL, next_attempt_at = NULL,"
          " claimed_by = NULL, lease_until = NULL WHERE id = :prefix || '-{n:02d}' AND claimed_by = 'floor'"
          " AND attempts = 1;")


def script():
    # 36 characters, as Hookline's ids: microseconds since the epoch in hex, the client, then the row.
    lines = ["SELECT lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000000)::bigint), 14, '0') || '-'"
             " || lpad(:client_id::text, 3, '0') || '-00000000000000' AS prefix \\gset",
             "\\startpipeline", "BEGIN;"]
    lines += [INSERT.format(n=n) for n in range(BATCH)]
    lines += ["\\endpipeline", "COMMIT;", "\\startpipeline", "BEGIN;"]
    lines += [FINISH.format(n=n) for n in range(BATCH)]
    lines += ["\\endpipeline", "COMMIT;"]
    return "\n".join(lines) + "\n"


def psql(*args, database=DATABASE):
    return subprocess.run(["psql", *PG, "-d", database, "-v", "ON_ERROR_STOP=1", "-Atq", *args], check=True,
                          capture_output=True, text=True).stdout.strip()


def migration_order(name):
    return int(name[1:].split("__", 1)[0])


def fresh_table():
    subprocess.run(["dropdb", "--if-exists", *PG, DATABASE], check=True, capture_output=True)
    subprocess.run(["createdb", *PG, DATABASE], check=True)
    for name in sorted(os.listdir(MIGRATIONS), key=migration_order):
        psql("-f", os.path.join(MIGRATIONS, name))


def ticks(pid, children=False):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # After the command's closing parenthesis: utime and stime are fields 12 and 13, cutime and cstime 14 and 15.
    return int(fields[13]) + int(fields[14]) if children else int(fields[11]) + int(fields[12])


def postgres_processes():
    """The postmaster and its background processes (no backends), by pid."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read().decode(errors="replace").replace("\0", " ").strip()
        except OSError:
            continue
        if "/bin/postgres" in cmd.split(" ")[0]:
            found["postmaster"] = int(entry)
        elif cmd.startswith("postgres: ") and any(w in cmd for w in ("walwriter", "checkpointer",
                                                                     "background writer")):
            found[cmd.split(" ", 2)[-1]] = int(entry)
    return found


def backends_left():
    """Backends of the floor's database still running: their CPU reaches the postmaster's count only once reaped."""
    left = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    left += f.read().startswith(f"postgres: postgres {DATABASE} ".encode())
            except OSError:
                pass
    return left


def settle():
    deadline = time.time() + 10
    while backends_left() and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    fresh_table()
    body = ("{\"event\":\"push\",\"pad\":\"" + "x" * 990 + "\"}").encode().hex()
    headers = "{" + ",".join(f"\"x-header-{i:02d}\":[\"{'v' * 20}\"]" for i in range(10)) + "}"
    processes = postgres_processes()
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script())
        path = f.name
    print(f"PostgreSQL's floor: {rounds} rounds of {seconds} s, {clients} clients, {BATCH} rows a transaction "
          f"(body {len(body) // 2} bytes, headers {len(headers)})")
    total = 0
    for r in range(rounds):
        settle()
        before = {name: ticks(pid, children=name == "postmaster") for name, pid in processes.items()}
        run = subprocess.run(["taskset", "-c", "0", "pgbench", *PG, "-n", "-M", "prepared", "-c", str(clients),
                              "-j", "1", "-T", str(seconds), "-D", f"body={body}", "-D", f"headers={headers}",
                              "-f", path, DATABASE], check=True, capture_output=True, text=True)
        settle()
        after = {name: ticks(pid, children=name == "postmaster") for name, pid in processes.items()}
        scripts = int(next(l for l in run.stdout.splitlines()
                           if l.startswith("number of transactions actually processed")).split(":")[1].split()[0])
        rows = scripts * BATCH
        backends = (after["postmaster"] - before["postmaster"]) / CLK_TCK
        background = sum(after[n] - before[n] for n in processes if n != "postmaster") / CLK_TCK
        total += rows
        print(f"round {r + 1}: {rows / seconds:,.0f} rows/s; backends {backends / rows * 1e6:.1f} µs a row, "
              f"background processes {background / rows * 1e6:.1f} µs a row; {total:,} rows in the table")
    os.unlink(path)


if __name__ == "__main__":
    main()
