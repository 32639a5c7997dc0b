"""Writes the signed deliveries that wrk/deliveries.lua sends: one line per distinct 1 KiB JSON body, with its
GitHub signature (HMAC-SHA256, X-Hub-Signature-256) and the blog post's signature (sha256(secret + body),
X-Signature), tab-separated. The Lua script gives each request a fresh, unique X-GitHub-Delivery; GitHub signs the
body only, so every request stays correctly signed.

usage: make_requests.py OUT [COUNT] [SECRET]
"""
import hashlib
import hmac
import json
import sys

BODY_SIZE = 1024


def body(n):
    delivery = {"event_type": "push", "id": "evt_%08d" % n, "data": {
        "ref": "refs/heads/main", "repository": {"full_name": "hookline/bench", "id": 4242},
        "head_commit": {"id": hashlib.sha1(str(n).encode()).hexdigest(), "message": "Bench delivery %d" % n},
        "pad": ""}}
    text = json.dumps(delivery, separators=(",", ":"))
    delivery["data"]["pad"] = "x" * (BODY_SIZE - len(text.encode()))
    text = json.dumps(delivery, separators=(",", ":")).encode()
    assert len(text) == BODY_SIZE, len(text)
    return text


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    secret = (sys.argv[3] if len(sys.argv) > 3 else "bench-secret").encode()
    with open(out, "w") as f:
        for n in range(count):
            b = body(n)
            github = "sha256=" + hmac.new(secret, b, hashlib.sha256).hexdigest()
            legacy = hashlib.sha256(secret + b).hexdigest()
            f.write("%s\t%s\t%s\n" % (b.decode(), github, legacy))


if __name__ == "__main__":
    main()
