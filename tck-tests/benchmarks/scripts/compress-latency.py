#!/usr/bin/env python3
"""Times POST /v1/compress of a running gateway for one conformance-corpus case, as a client sees it.

Usage: compress-latency.py PORT CASE [CALLS]   e.g. compress-latency.py 8787 json_logs_1000 20
Sends {messages, model} of ../shared/corpus/CASE.json (OpenAI-chat cases only), 10 warm-up calls,
then CALLS timed calls; prints the median, p90 and min in milliseconds."""
import json, os, statistics, sys, time, urllib.request

port, case = sys.argv[1], sys.argv[2]
calls = int(sys.argv[3]) if len(sys.argv) > 3 else 20
corpus = os.environ.get("HEADROOM_CORPUS", os.path.join("..", "shared", "corpus"))
request = json.load(open(os.path.join(corpus, case + ".json")))["request"]
body = json.dumps({"messages": request["messages"], "model": request["model"]}).encode()

def call():
    r = urllib.request.Request("http://127.0.0.1:%s/v1/compress" % port, data=body,
                               headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    urllib.request.urlopen(r).read()
    return (time.perf_counter() - start) * 1000

for _ in range(10):
    call()
times = sorted(call() for _ in range(calls))
print("%s: median %.1f ms, p90 %.1f ms, min %.1f ms over %d calls (%d bytes)"
      % (case, statistics.median(times), times[max(0, int(0.9 * calls) - 1)], times[0], calls, len(body)))
