#!/usr/bin/env python3
"""Diagnostics after an edit, through the protocol: `postmortem server` as a
process, a ~10 KB postmortem opened, then 200 edits (a character typed into
the summary, full-text sync as editors send it); the time from sending each
didChange to receiving its publishDiagnostics. Prints the median and p90.

    bench/lsp.py target/release/postmortem target/bench/corpus-1000/00000.md
"""
import json, statistics, subprocess, sys, time

binary, path = sys.argv[1], sys.argv[2]
server = subprocess.Popen([binary, "server", "--now", "2026-11-22T00:00:00Z"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()

def receive():
    length = 0
    while True:
        line = server.stdout.readline()
        if line == b"\r\n":
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(server.stdout.read(length))

send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
receive()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
text = open(path, encoding="utf-8").read()
uri = "file:///nowhere/postmortems/bench.md"
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
receive()
times = []
for version in range(2, 202):
    text = text.replace("## Summary\n", "## Summary\nx", 1)
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}})
    message = receive()
    assert message["method"] == "textDocument/publishDiagnostics"
    times.append(time.perf_counter() - start)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
receive()
send({"jsonrpc": "2.0", "method": "exit"})
server.wait(5)
times.sort()
print(f"{len(text)} bytes: median {statistics.median(times) * 1000:.2f} ms, "
      f"p90 {times[int(len(times) * 0.9)] * 1000:.2f} ms")
