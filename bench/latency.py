#!/usr/bin/env python3
# latency.py — p50/p99/max of every order and Smart Account query of the Desk
# API, over loopback, one keep-alive connection; and the latency of order
# details while other clients list and search.
#
# Usage: latency.py URL [N]   (URL: a running sandbox, e.g. http://127.0.0.1:8700/;
#                              N: calls per query, default 200)
# Prints one line a query: name, p50, p99, max in ms, and totalRecords; then
# searches measured on their first call only (a search's count is kept for
# its next pages: repeating one query measures those).
# Nothing is asserted: bench/README.md records the figures.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import http.client
import json
import sys
import multiprocessing
import time
import urllib.parse


def connect(url):
    u = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=60)


def sign_in(url, user="trainee", password="training"):
    c = connect(url)
    body = urllib.parse.urlencode({"grant_type": "password", "username": user, "password": password})
    c.request("POST", "/oauth2/token", body, {"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    data = json.loads(r.read())
    c.close()
    return data["access_token"]


def get(conn, token, path):
    conn.request("GET", path, headers={"Authorization": "Bearer " + token})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise RuntimeError("%s: %d %s" % (path, r.status, body[:200]))
    return json.loads(body)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def measure(conn, token, path, n):
    samples = []
    answer = None
    for _ in range(n):
        t = time.perf_counter()
        answer = get(conn, token, path)
        samples.append((time.perf_counter() - t) * 1000)
    return samples, answer


def queries(conn, token):
    """The queries, built from the data: a real number, web order, PO."""
    first = get(conn, token, "/v1/orders?limit=100")
    total = first["totalRecords"]
    pick = first["orders"][len(first["orders"]) // 2]
    so, wo, po = pick["salesOrderNumber"], pick["webOrderId"], pick["purchaseOrderNumber"]
    q = urllib.parse.quote
    last = max(0, total - 50)
    middle = get(conn, token, "/v1/orders?limit=50&offset=%d" % (total // 2))
    cursor = middle.get("nextCursor")
    by_cursor = []
    if cursor is not None:
        by_cursor = [("list, middle page by cursor", "/v1/orders?limit=50&after=" + q(cursor))]
    return by_cursor + [
        ("SO exact (match=exact)", "/v1/orders?searchBy=salesOrderNumber&match=exact&value=" + so),
        ("SO prefix (match=prefix, 5 digits)", "/v1/orders?searchBy=salesOrderNumber&match=prefix&value=" + so[:5]),
        ("SO prefix (match=prefix, 7 digits)", "/v1/orders?searchBy=salesOrderNumber&match=prefix&value=" + so[:7]),

        ("list, first page", "/v1/orders?limit=50"),
        ("list, middle page", "/v1/orders?limit=50&offset=%d" % (total // 2)),
        ("list, last page", "/v1/orders?limit=50&offset=%d" % last),
        ("SO exact (contains, 9 digits)", "/v1/orders?searchBy=salesOrderNumber&value=" + so),
        ("SO prefix (contains, 5 digits)", "/v1/orders?searchBy=salesOrderNumber&value=" + so[:5]),
        ("SO 2 digits", "/v1/orders?searchBy=salesOrderNumber&value=" + so[-2:]),
        ("Web Order No. (contains, whole)", "/v1/orders?searchBy=webOrderId&value=" + wo),
        ("Web Order No. (contains, 4 chars)", "/v1/orders?searchBy=webOrderId&value=" + wo[-4:]),
        ("PO No. (contains, whole)", "/v1/orders?searchBy=purchaseOrderNumber&value=" + q(po)),
        ("PO No. (contains, word)", "/v1/orders?searchBy=purchaseOrderNumber&value=" + q("café")),
        ("PO No. (no match)", "/v1/orders?searchBy=purchaseOrderNumber&value=zzzz"),
        ("order details", "/v1/orders/" + so),
        ("account search, domain", "/v1/accounts/search?domain=" + q("kestrel-1")),
        ("account search, name", "/v1/accounts/search?name=" + q("Lumière")),
        ("account search, e-mail", "/v1/accounts/search?email=" + q("it-12")),
        ("account search, no match", "/v1/accounts/search?name=zzzz"),
    ], so


# the generator's words (src/sandbox/sa-sandbox-generate.c): each is in the PO
# numbers of ~1 order in 30, and in the names of ~1 account in 15
WORDS = ["acme", "borealis", "café", "delorme", "étoile", "fjord", "granit", "harbour",
         "ibis", "jasmin", "kestrel", "lumière", "meridian", "nordik", "orion", "pavot",
         "quartz", "rivière", "sakura", "straße", "tessin", "umbria", "vortex", "wharf",
         "xenon", "yukon", "zéphyr", "ÉCLAIR", "Moulin", "TORRE"]


def first_calls():
    """Searches measured once each, on their first call: a search's count is
    kept for its next pages (per read connection, while the data stay the
    same), so repeating one query measures the pages after the first."""
    q = urllib.parse.quote
    return [
        ("PO No. word, first call (30 words)",
         ["/v1/orders?searchBy=purchaseOrderNumber&value=" + q(w) for w in WORDS]),
        ("SO contains 2 digits, first call (100)",
         ["/v1/orders?searchBy=salesOrderNumber&value=%02d" % i for i in range(100)]),
        ("SO contains 4 digits, first call (100)",
         ["/v1/orders?searchBy=salesOrderNumber&value=%04d" % (i * 97) for i in range(100)]),
        ("Web Order No. 4 chars, first call (100)",
         ["/v1/orders?searchBy=webOrderId&value=%04d" % (i * 89 + 5) for i in range(100)]),
        ("account name word, first call (30)", ["/v1/accounts/search?name=" + q(w) for w in WORDS]),
    ]


def background_load(url, token, stop, errors):
    conn = connect(url)
    paths = ["/v1/orders?limit=50", "/v1/orders?searchBy=purchaseOrderNumber&value=caf",
             "/v1/orders?limit=50&offset=1000", "/v1/orders?searchBy=webOrderId&value=123"]
    i = 0
    while not stop.is_set():
        try:
            get(conn, token, paths[i % len(paths)])
        except Exception as e:  # noqa: BLE001 — counted, printed
            errors.append(str(e))
            conn = connect(url)
        i += 1


def main():
    url = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    token = sign_in(url)
    conn = connect(url)
    qs, so = queries(conn, token)
    print("%-40s %9s %9s %9s %8s" % ("query", "p50 ms", "p99 ms", "max ms", "total"))
    for name, path in qs:
        samples, answer = measure(conn, token, path, n)
        total = answer.get("totalRecords", "-") if isinstance(answer, dict) else "-"
        print("%-40s %9.2f %9.2f %9.2f %8s" % (name, percentile(samples, 50), percentile(samples, 99),
                                               max(samples), total))
        sys.stdout.flush()

    for name, paths in first_calls():
        samples = []
        for path in paths:
            t = time.perf_counter()
            get(conn, token, path)
            samples.append((time.perf_counter() - t) * 1000)
        print("%-40s %9.2f %9.2f %9.2f %8s" % (name, percentile(samples, 50), percentile(samples, 99),
                                               max(samples), "-"))
        sys.stdout.flush()

    # order details while 8 other clients list and search
    # (processes, not threads: the client's own GIL would count as latency)
    stop = multiprocessing.Event()
    errors = multiprocessing.Manager().list()
    threads = [multiprocessing.Process(target=background_load, args=(url, token, stop, errors)) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    samples, _ = measure(conn, token, "/v1/orders/" + so, n)
    stop.set()
    for t in threads:
        t.join()
    print("%-40s %9.2f %9.2f %9.2f %8s" % ("details while 8 clients list/search", percentile(samples, 50),
                                           percentile(samples, 99), max(samples),
                                           "%d err" % len(errors)))


if __name__ == "__main__":
    main()
