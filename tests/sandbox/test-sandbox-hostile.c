/* test-sandbox-hostile.c — hostile input over loopback: malformed, oversized,
 * deeply nested, invalid UTF-8 or SQL-like bodies, paths and query strings;
 * each refused with a 4xx and the data left intact; the Cisco-shaped paths
 * too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sandbox-cisco-test-util.h"

#define ASSIGNMENT "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment"

static void
assert_intact (SbtFixture *f)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *order;

  g_assert_cmpint (sbt_order_count (f), ==, N_VISIBLE_ORDERS);
  order = sbt_get_order (f, ORDER_UNASSIGNED, &node);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 1);
  g_assert_true (json_object_get_null_member (order, "endCustomer"));
  g_assert_true (json_object_get_null_member (order, "holding"));
  g_assert_cmpuint (sbt_count_search (f, "domain=.&limit=100"), ==, N_VISIBLE_ACCOUNTS);
}

static void
test_hostile_bodies (SbtFixture    *f,
                     gconstpointer  data)
{
  const char *bodies[] = {
    "", "{", "}", "null", "[]", "\"text\"", "42", "{\"endCustomer\": }",
    "{} {}", "{\"termsAccepted\": true}",
    "{\"endCustomer\": null, \"holding\": null, " TERMS "}",
    "{" EC ("acme-industrie.fr", "DEFAULT") ", \"termsAccepted\": \"yes\"}",
    "{" EC ("acme-industrie.fr", "DEFAULT") ", \"termsAccepted\": 1}",
    "{" EC ("acme-industrie.fr", "DEFAULT") ", \"termsAccepted\": null}",
    "{\"endCustomer\": {\"domain\": 42, \"virtualAccount\": \"DEFAULT\"}, " TERMS "}",
    "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": [\"DEFAULT\"]}, " TERMS "}",
    "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\"}, " TERMS "}",
    "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": \"DEFAULT\", \"type\": \"HOLDING\"}, " TERMS "}",
    "{\"endCustomer\": \"acme-industrie.fr\", " TERMS "}",
    "{\"endCustomer\": [], " TERMS "}",
    "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS ", \"version\": 7}",
    "{" EC ("acme-industrie.fr'; DROP TABLE orders;--", "DEFAULT") ", " TERMS "}",
    "{" EC ("acme-industrie.fr", "") ", " TERMS "}",
    "{" EC ("", "DEFAULT") ", " TERMS "}",
    "{" EC ("acme-industrie.fr", "DEF\\u0000AULT") ", " TERMS "}",
    "{" EC ("acme-industrie.fr", "DEF\\nAULT") ", " TERMS "}",
    "{" EC ("acme\\u0000.fr", "DEFAULT") ", " TERMS "}",
    "{" EC ("../../etc/passwd", "DEFAULT") ", " TERMS "}",
    "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": \"DEFAULT\"}, \"termsAccepted\": true,}",
    "{'endCustomer': {'domain': 'acme-industrie.fr'}}",
    /* issue 13: two JSON values (json-glib leaked the first) */
    "{\"a\":\"x\"}{}",
    "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}{}",
  };
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(JsonNode) node = sbt_put_assignment (f, ORDER_UNASSIGNED, "\"1\"", bodies[i], &status);

      g_autofree char *shown = g_strescape (bodies[i] != NULL ? bodies[i] : "", NULL);

      g_test_message ("body: %.200s", shown);
      sbt_assert_error (node, status, 400, "INVALID_REQUEST");
    }

  /* SQL-like text in a valid place is just text that matches nothing */
  {
    g_autoptr(JsonNode) node = sbt_put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                                                   "{" EC ("acme-industrie.fr", "DEFAULT' OR '1'='1") ", " TERMS "}",
                                                   &status);
    sbt_assert_error (node, status, 422, "VIRTUAL_ACCOUNT_NOT_FOUND");
  }

  assert_intact (f);
}

/* Issue 13: integers json-glib would saturate or wrap are refused before
 * they are converted; the clock stays where it was. */
static void
test_hostile_numbers (SbtFixture    *f,
                      gconstpointer  data)
{
  const char *bodies[] = {
    "{\"advanceDays\": 18446744073709551617}",
    "{\"advanceDays\": -99999999999999999999}",
    "{\"advanceDays\": 9223372036854775808}",
    "{\"advanceDays\": -1e30}",
    "{\"advanceDays\": 1.5}",
  };
  gint64 before = sbt_clock_now (f);
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(JsonNode) node = sbt_fixture_call (f, "POST", "/sandbox/clock", bodies[i], &status);

      g_autofree char *shown = g_strescape (bodies[i] != NULL ? bodies[i] : "", NULL);

      g_test_message ("body: %.200s", shown);
      sbt_assert_error (node, status, 400, "INVALID_REQUEST");
    }

  /* not moved by a day or more: only the seconds that passed meanwhile */
  g_assert_cmpint (sbt_clock_now (f) - before, >=, 0);
  g_assert_cmpint (sbt_clock_now (f) - before, <, 600);
}

static void
test_hostile_bytes (SbtFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("{\"endCustomer\": ");
  g_autoptr(GString) huge = g_string_new ("{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": \"");
  g_autoptr(GString) big_form = g_string_new ("grant_type=password&username=trainee&password=training&pad=");
  const char invalid_utf8[] = "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": \"\xff\xfe\"},"
                              " \"termsAccepted\": true}";
  const char with_nul[] = "{\"termsAccepted\": true,\0 \"endCustomer\": null}";
  guint status, i;

  for (i = 0; i < 60000; i++)
    g_string_append_c (deep, '[');
  for (i = 0; i < 200 * 1024; i++)
    g_string_append_c (huge, 'A');
  g_string_append (huge, "\"}, \"termsAccepted\": true}");
  for (i = 0; i < 100 * 1024; i++)
    g_string_append_c (big_form, 'x');

  {
    const SbtRefusal refused[] = {
      { "PUT", ASSIGNMENT, "\"1\"", deep->str, 400, "INVALID_REQUEST", NULL },
      { "PUT", ASSIGNMENT, "\"1\"", huge->str, 400, "INVALID_REQUEST", NULL },
      { "PUT", ASSIGNMENT, "\"1\"", invalid_utf8, 400, "INVALID_REQUEST", NULL },
    };

    sbt_assert_refusals (f, refused, G_N_ELEMENTS (refused));
  }
  {
    g_autoptr(GBytes) body = g_bytes_new (with_nul, sizeof with_nul - 1);
    g_autoptr(JsonNode) node = sbt_request (f->session, f->base, f->token, "PUT", ASSIGNMENT, "\"1\"",
                                            "application/json", body, &status, NULL);

    sbt_assert_error (node, status, 400, "INVALID_REQUEST");
  }
  {
    g_autoptr(GBytes) body = g_bytes_new (big_form->str, big_form->len);
    g_autoptr(JsonNode) node = sbt_request (f->session, f->base, NULL, "POST", "/oauth2/token", NULL,
                                            "application/x-www-form-urlencoded", body, &status, NULL);

    g_assert_cmpuint (status, ==, 400);
  }
  {
    /* chunked: no Content-Length announces the size */
    g_autoptr(GString) raw = g_string_new (NULL);

    g_string_append_printf (raw,
                            "PUT /v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment HTTP/1.1\r\n"
                            "Host: 127.0.0.1\r\nAuthorization: Bearer %s\r\nIf-Match: \"1\"\r\n"
                            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                            "Connection: close\r\n\r\n", f->token);
    for (i = 0; i < 20; i++)
      {
        g_string_append_printf (raw, "%x\r\n", 8192);
        g_string_append_len (raw, huge->str + 100, 8192);
        g_string_append (raw, "\r\n");
      }
    g_string_append (raw, "0\r\n\r\n");
    g_assert_cmpuint (sbt_raw_request (f, raw->str, raw->len), ==, 400);
  }

  assert_intact (f);
}

static void
test_hostile_urls (SbtFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(GString) long_value = g_string_new ("/v1/orders?searchBy=purchaseOrderNumber&value=");
  const char *bad_paths[] = {
    "/v1/orders/%00", "/v1/orders/104857601%00", "/v1/orders/%ff%fe", "/v1/orders/%zz",
    "/v1/orders/..%2f..%2fetc%2fpasswd", "/v1/orders/%2e%2e", "/v1/orders/1%2f2",
    "/v1/orders?searchBy=salesOrderNumber&value=1048%00", "/v1/orders?searchBy=purchaseOrderNumber&value=%ff",
    "/v1/orders?searchBy=purchase%00OrderNumber&value=PO", "/v1/accounts/search?name=%c3%28",
    "/v1/accounts/search?name=%zz", "/v1/accounts/search?name=a%0Ab",
    "/v1/accounts/acme-industrie.fr%00/CUSTOMER/virtual-accounts",
    "/v1/accounts/%e6%9d%b1/CUSTOMER/virtual-accounts",
  };
  const char *harmless[] = {
    "/v1/orders?searchBy=purchaseOrderNumber&value=%27%3B%20DROP%20TABLE%20orders%3B--",
    "/v1/orders?searchBy=webOrderId&value=%27%20OR%20%271%27%3D%271",
    "/v1/accounts/search?name=%27%3B%20DELETE%20FROM%20smart_accounts%3B--",
    "/v1/accounts/search?email=%25",
    "/v1/accounts/search?domain=_",
  };
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (bad_paths); i++)
    {
      guint code = sbt_raw_get (f, bad_paths[i]);

      g_test_message ("%s → %u", bad_paths[i], code);
      g_assert_cmpuint (code, >=, 400);
      g_assert_cmpuint (code, <, 500);
    }

  /* SQL-like values are text like any other: no match, no harm */
  for (i = 0; i < G_N_ELEMENTS (harmless); i++)
    {
      g_autoptr(JsonNode) node = sbt_fixture_call (f, "GET", harmless[i], NULL, &status);
      JsonObject *object = json_node_get_object (node);

      g_assert_cmpuint (status, ==, 200);
      g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==, 0);
    }

  for (i = 0; i < 20000; i++)
    g_string_append_c (long_value, 'A');
  sbt_assert_refused (f, "GET", long_value->str, NULL, 400, "INVALID_REQUEST");
  /* a value longer than a search takes (141 characters) */
  sbt_assert_refused (f, "GET", "/v1/orders?searchBy=purchaseOrderNumber&value="
                      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                      NULL, 400, "INVALID_REQUEST");

  /* raw invalid UTF-8 and control bytes in the request line */
  {
    const char raw[] = "GET /v1/orders/\xff\xfe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    guint code = sbt_raw_request (f, raw, sizeof raw - 1);

    g_assert_cmpuint (code, >=, 400);
    g_assert_cmpuint (code, <, 500);
  }
  {
    const char raw[] = "GARBAGE\r\n\r\n";
    guint code = sbt_raw_request (f, raw, sizeof raw - 1);

    g_assert_true (code == 0 || (code >= 400 && code < 500));
  }

  assert_intact (f);
}

/* What libsoup refuses before any handler runs answers the contract's JSON
 * error (sa_sandbox_http_answer_refused_heads()); a head over 64 KiB ends
 * the connection without an answer (libsoup 3.2 writes none), and the
 * sandbox goes on answering. */
static void
test_hostile_heads (SbtFixture    *f,
                    gconstpointer  data)
{
  const struct { const char *raw; guint status; } refused[] = {
    { "GARBAGE\r\n\r\n", 400 },
    { "GET /v1/profile HTTP/1.1 trailing\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 400 },
    { "GET /v1/profile HTTP/1.1\r\nHost: 127.0.0.1/x\r\nConnection: close\r\n\r\n", 400 },
#ifndef __SANITIZE_ADDRESS__
    /* libsoup 3.2.3 leaks the path of such a request (parse_headers(),
     * fixed upstream by 450d43c4, 3.5.2; docs/security.md): not sent where
     * leaks fail the run */
    { "PUT /v1/profile HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: bogus\r\n"
      "Connection: close\r\n\r\n", 501 },
#endif
    { "GET /v1/orders/..%2f..%2fetc HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 400 },
  };
  g_autoptr(GString) huge_head = g_string_new ("GET /v1/profile HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *body = NULL;
      g_autoptr(JsonNode) node = NULL;
      guint code = sbt_raw_request_body (f, refused[i].raw, strlen (refused[i].raw), &body);

      g_test_message ("%s → %u %s", refused[i].raw, code, body);
      g_assert_cmpuint (code, ==, refused[i].status);
      node = json_from_string (body, NULL);
      g_assert_nonnull (node);
      g_assert_cmpstr (sbt_get_string (node, "status"), ==, "ERROR");
      g_assert_cmpstr (sbt_get_string (node, "code"), ==, "INVALID_REQUEST");
    }

  for (guint i = 0; i < 70 * 1024; i++)
    g_string_append_c (huge_head, 'a');
  g_string_append (huge_head, "\r\n\r\n");
  g_assert_cmpuint (sbt_raw_request (f, huge_head->str, huge_head->len), ==, 0);

  assert_intact (f);
}

static void
test_hostile (SbtFixture    *f,
              gconstpointer  data)
{
  const char *paths[][2] = {
    { "POST", "/v1/account-requests" },
    { "POST", "/v1/access-requests" },
    { "PUT", "/v1/profile" },
    { "POST", "/sandbox/clock" },
    { "POST", "/sandbox/access-requests/" XR_PENDING "/decide" },
  };
  g_autofree char *deep = NULL;
  g_autofree char *huge = NULL;
  g_autoptr(GString) deep_str = g_string_new (NULL);
  g_autoptr(JsonNode) profile_before = NULL;
  g_autoptr(JsonNode) profile_after = NULL;
  g_autoptr(JsonNode) ar_before = NULL;
  g_autoptr(JsonNode) ar_after = NULL;
  g_autoptr(JsonNode) xr_before = NULL;
  g_autoptr(JsonNode) xr_after = NULL;
  guint status, i, j;

  for (i = 0; i < 5000; i++)
    g_string_append_c (deep_str, '[');
  deep = g_strdup (deep_str->str);
  {
    g_autofree char *filler = g_strnfill (70 * 1024, 'x');

    huge = g_strdup_printf ("{\"accountName\": \"%s\"}", filler);
  }

  {
    const char *bodies[] = {
      "", "null", "[]", "\"text\"", "42", "{", "{\"a\": }", deep, huge,
      "{\"accountName\": \"A\\u0000B\", \"reason\": \"r\\u0000\", \"firstName\": \"\\u0000\"}",
      "{\"accountName\": {\"$gt\": \"\"}, \"domain\": [\"a.example\"], \"firstName\": null, \"decision\": []}",
      "{\"accountName\": \"Robert'); DROP TABLE smart_accounts;--\", \"customerEmail\": \"a@b.example\","
      " \"accountDomain\": \"b.example\\\"; DROP TABLE users; --\"}",
      "{\"domain\": \"a.example\", \"reason\": \"r\", \"accountId\": \"SA-100001' OR '1'='1\"}",
      "{\"now\": \"9999999999-01-01T00:00:00Z\"}",
      "{\"advanceDays\": 1e308}",
    };

    profile_before = sbt_fixture_call (f, "GET", "/v1/profile", NULL, &status);
    ar_before = sbt_fixture_call (f, "GET", "/v1/account-requests", NULL, &status);
    xr_before = sbt_fixture_call (f, "GET", "/v1/access-requests", NULL, &status);

    for (i = 0; i < G_N_ELEMENTS (paths); i++)
      for (j = 0; j < G_N_ELEMENTS (bodies); j++)
        {
          g_autoptr(JsonNode) node = sbt_fixture_call (f, paths[i][0], paths[i][1], bodies[j], &status);

          g_test_message ("%s %s body %u", paths[i][0], paths[i][1], j);
          g_assert_cmpuint (status, >=, 400);
          g_assert_cmpuint (status, <, 500);
          g_assert_nonnull (node);
          g_assert_cmpstr (sbt_get_string (node, "status"), ==, "ERROR");
        }
  }

  /* invalid UTF-8 bytes */
  {
    static const char bad_utf8[] = "{\"accountName\": \"\xff\xfe\", \"reason\": \"\xc3\x28\"}";

    for (i = 0; i < G_N_ELEMENTS (paths); i++)
      sbt_assert_refused (f, paths[i][0], paths[i][1], bad_utf8, 400, "INVALID_REQUEST");
  }

  /* without a token: 401, nothing done */
  {
    g_autoptr(JsonNode) node = sbt_call (f->session, f->base, NULL, "POST",
                                         "/v1/account-requests", TRATTORIA, &status, NULL);

    sbt_assert_error (node, status, 401, "UNAUTHENTICATED");
  }

  /* wrong methods */
  {
    const char *wrong[][2] = {
      { "DELETE", "/v1/account-requests" }, { "PUT", "/v1/access-requests" },
      { "POST", "/v1/profile" }, { "GET", "/sandbox/account-requests/AR-000001/accept" },
      { "DELETE", "/sandbox/clock" }, { "POST", "/v1/access-requests/candidates" },
    };

    for (i = 0; i < G_N_ELEMENTS (wrong); i++)
      sbt_assert_refused (f, wrong[i][0], wrong[i][1], NULL, 405, "METHOD_NOT_ALLOWED");
  }

  /* data intact */
  profile_after = sbt_fixture_call (f, "GET", "/v1/profile", NULL, &status);
  ar_after = sbt_fixture_call (f, "GET", "/v1/account-requests", NULL, &status);
  xr_after = sbt_fixture_call (f, "GET", "/v1/access-requests", NULL, &status);
  g_assert_true (json_node_equal (profile_before, profile_after));
  g_assert_true (json_node_equal (ar_before, ar_after));
  g_assert_true (json_node_equal (xr_before, xr_after));
  g_assert_cmpuint (sbt_count_search (f, "domain=.&limit=100"), ==, N_VISIBLE_ACCOUNTS);
  g_assert_cmpint (ABS (sbt_clock_now (f) - g_get_real_time () / G_USEC_PER_SEC), <, 60);
}

/* Every Cisco-shaped path, every hostile body and query: never a 5xx (a
 * 4xx, or 200 for what is valid after all, e.g. a list of licenses of a
 * Virtual Account that does not exist), and nothing changed. */
static void
test_hostile_cisco (SbtFixture    *f,
                    gconstpointer  data)
{
  static const char *const posts[] = {
    CISCO_TOKEN, SAL "/v1/accounts/" DOMAIN_ACME "/licenses",
    SAL "/v1/accounts/" DOMAIN_ACME "/virtual-accounts/Production/licenses/transfer", CCW_ORDER,
  };
  static const char *const gets[] = {
    SAL "/v1/accounts/search?domain=", SAL "/v1/accounts/search?name=", SAL "/v2/accounts?domain=",
    SAL "/v1/accounts/search?domain=acme&limit=", SAL "/v1/accounts/search?domain=acme&offset=",
  };
  static const char *const values[] = {
    "%00", "%FF%FE", "'%20OR%20'1'='1", "%25", "-1", "99999999999999999999999", "%E2%80%AE", "%0A",
  };
  const char *bodies[] = {
    "", "{", "}", "null", "[]", "\"text\"", "42", "{} {}", "{\"licenses\": null}", "{\"limit\": 1e999}",
    "{\"virtualAccounts\": [\"DEFAULT' OR '1'='1\"]}", "{\"GetPurchaseOrder\": [[[]]]}",
    "grant_type=client_credentials&client_id=%00&client_secret=x", "\xc3\x28", "{\"a\": \"\\u0000\"}",
  };
  g_autofree char *token = sct_sign_in (f);
  g_autofree char *deep = g_strnfill (5000, '[');
  g_autoptr(GString) large = g_string_new ("{\"limit\": 1, \"x\": \"");
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  guint i, j;

  g_assert_nonnull (sbt_get_list (f, "/v1/orders?limit=100", "orders", &before));
  for (i = 0; i < 70000; i++)
    g_string_append_c (large, 'A');
  g_string_append (large, "\"}");

  for (i = 0; i < G_N_ELEMENTS (posts); i++)
    for (j = 0; j < G_N_ELEMENTS (bodies) + 2; j++)
      {
        const char *body = j < G_N_ELEMENTS (bodies) ? bodies[j] : j == G_N_ELEMENTS (bodies) ? deep : large->str;
        g_auto(SctReply) reply = { 0 };

        sct_request (f, i == 0 ? NULL : token, "POST", posts[i], "application/json", body, &reply);
        g_assert_cmpuint (reply.status, >=, 200);
        g_assert_cmpuint (reply.status, <, 500);
        if (i == 0 || i == G_N_ELEMENTS (posts) - 1)
          g_assert_cmpuint (reply.status, >=, 400);
      }
  for (i = 0; i < G_N_ELEMENTS (gets); i++)
    for (j = 0; j < G_N_ELEMENTS (values); j++)
      {
        g_autofree char *path = g_strconcat (gets[i], values[j], NULL);
        g_auto(SctReply) reply = { 0 };

        sct_get (f, token, path, &reply);
        g_assert_cmpuint (reply.status, <, 500);
      }

  /* nothing moved */
  g_assert_nonnull (sbt_get_list (f, "/v1/orders?limit=100", "orders", &after));
  g_assert_true (json_node_equal (before, after));
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_SHIPPED_DEPOSITED, NULL), ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("hostile/json-bodies", test_hostile_bodies);
  SBT_ADD ("hostile/bytes-and-sizes", test_hostile_bytes);
  SBT_ADD ("hostile/urls", test_hostile_urls);
  SBT_ADD ("hostile/request-bodies", test_hostile);
  SBT_ADD ("hostile/cisco", test_hostile_cisco);
  SBT_ADD ("hostile/long-numbers", test_hostile_numbers);
  SBT_ADD ("hostile/refused-heads", test_hostile_heads);

  return g_test_run ();
}
