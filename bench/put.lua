-- wrk script of ./bench/server: PUT of an order's Smart Account assignment with
-- a stale If-Match, so that every call runs the whole write path and is
-- refused 412 (the order's version stays the same between runs).
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["If-Match"] = "\"0\""
wrk.body = '{"endCustomer": {"domain": "acme-industrie.fr", "virtualAccount": "DEFAULT"}, "termsAccepted": true}'
