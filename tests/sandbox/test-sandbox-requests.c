/* test-sandbox-requests.c — the sandbox's account requests, access requests,
 * profile updates and clock over loopback, raw HTTP
 *
 * The rules of docs/desk-api.md for procedures 3 and 4: status codes, error
 * codes, `fields`, and the data state checked by follow-up requests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sa-sandbox-thread.h"
#include "sandbox-test-util.h"

/* Training data fixtures (data/sandbox/training-data.sql) */
#define N_ACCOUNT_REQUESTS   3
#define N_ACCESS_REQUESTS    3
#define XR_PENDING           "XR-000001"   /* reminder possible at once */
#define XR_APPROVED          "XR-000002"
#define XR_DENIED            "XR-000003"
#define DOMAIN_SHARED_RESTRICTED "groupe-hexagone.example"
#define ID_HEXAGONE_CUSTOMER "SA-100015"
#define ID_HEXAGONE_HOLDING  "SA-100016"
#define DOMAIN_RESTRICTED    "vigneti-colli.example"
#define DOMAIN_APPROVED      "lagune-shipping.example"

typedef struct
{
  char            *dir;
  SaSandboxThread *sandbox;
  SoupSession     *session;
  char            *token;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint status;

  f->dir = g_dir_make_tmp ("sa-sandbox-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->sandbox = sa_sandbox_thread_start (f->dir, &error);
  g_assert_no_error (error);
  f->session = sbt_new_session ();
  f->token = sbt_sign_in (f->session, sa_sandbox_thread_get_uri (f->sandbox),
                          "trainee", "training", &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->sandbox);
  sbt_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->token, g_free);
}

static JsonNode *
call (Fixture    *f,
      const char *method,
      const char *path,
      const char *body,
      guint      *status)
{
  return sbt_call (f->session, sa_sandbox_thread_get_uri (f->sandbox), f->token,
                   method, path, body, status, NULL);
}

/* GET @path, expects 200 and returns @member's array (owned by *holder). */
static JsonArray *
get_list (Fixture    *f,
          const char *path,
          const char *member,
          JsonNode  **holder)
{
  JsonObject *object;
  guint status;

  *holder = call (f, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (*holder);
  g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==,
                   json_array_get_length (json_object_get_array_member (object, member)));

  return json_object_get_array_member (object, member);
}

static guint
count_list (Fixture    *f,
            const char *path,
            const char *member)
{
  g_autoptr(JsonNode) node = NULL;

  return json_array_get_length (get_list (f, path, member, &node));
}

static guint
count_search (Fixture    *f,
              const char *query)
{
  g_autofree char *path = g_strconcat ("/v1/accounts/search?", query, NULL);

  return count_list (f, path, "accounts");
}

static JsonObject *
account_of (JsonNode *request)
{
  return json_object_get_object_member (json_node_get_object (request), "smartAccount");
}

static gint64
parse_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (iso);
  g_assert_true (g_str_has_suffix (iso, "Z"));
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

static void
advance_clock (Fixture *f,
               int      days)
{
  g_autofree char *body = g_strdup_printf ("{\"advanceDays\": %d}", days);
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = call (f, "POST", "/sandbox/clock", body, &status);
  g_assert_cmpuint (status, ==, 200);
  parse_date (sbt_get_string (node, "now"));
}

static gint64
clock_now (Fixture *f)
{
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = call (f, "GET", "/sandbox/clock", NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  return parse_date (sbt_get_string (node, "now"));
}

/* Asserts a 422 VALIDATION_FAILED naming @field in `fields`. */
static void
assert_field_error (JsonNode   *node,
                    guint       status,
                    const char *field)
{
  JsonObject *fields;

  sbt_assert_error (node, status, 422, "VALIDATION_FAILED");
  fields = json_object_get_object_member (json_node_get_object (node), "fields");
  g_assert_nonnull (fields);
  if (!json_object_has_member (fields, field))
    g_error ("fields has no %s", field);
}

#define TRATTORIA \
  "{\"accountName\": \"Trattoria Da Mario\", \"customerEmail\": \"mario@trattoria-mario.example\"," \
  " \"accountDomain\": \"Trattoria-Mario.example\", \"noteToCustomer\": \"Ciao Mario,\\nplease accept.\"," \
  " \"users\": [\"anna@northwind-networks.example\", \"luca@northwind-networks.example\"]," \
  " \"noteToUsers\": \"Welcome\"}"

static JsonNode *
create_trattoria (Fixture *f)
{
  JsonNode *node;
  guint status;

  node = call (f, "POST", "/v1/account-requests", TRATTORIA, &status);
  g_assert_cmpuint (status, ==, 201);

  return node;
}

/* ------------------------------------------------------------------------ */
/* Account requests                                                          */

static void
test_account_request_create (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) vas = NULL;
  JsonObject *request, *account;
  JsonArray *array;
  gint64 created_at, expires_at;

  g_assert_cmpuint (count_list (f, "/v1/account-requests", "accountRequests"), ==, N_ACCOUNT_REQUESTS);
  g_assert_cmpuint (count_search (f, "domain=trattoria-mario"), ==, 0);

  created = create_trattoria (f);
  request = json_node_get_object (created);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (request, "id"), "AR-"));
  g_assert_cmpstr (json_object_get_string_member (request, "accountName"), ==, "Trattoria Da Mario");
  g_assert_cmpstr (json_object_get_string_member (request, "accountDomain"), ==, "trattoria-mario.example");
  g_assert_cmpstr (json_object_get_string_member (request, "customerEmail"), ==, "mario@trattoria-mario.example");
  g_assert_cmpstr (json_object_get_string_member (request, "noteToCustomer"), ==, "Ciao Mario,\nplease accept.");
  g_assert_cmpstr (json_object_get_string_member (request, "noteToUsers"), ==, "Welcome");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (request, "users")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "PENDING");
  g_assert_cmpint (json_object_get_int_member (request, "daysLeft"), ==, 90);
  created_at = parse_date (json_object_get_string_member (request, "createdDate"));
  expires_at = parse_date (json_object_get_string_member (request, "expiresDate"));
  g_assert_cmpint (expires_at - created_at, ==, 90 * 24 * 3600);
  g_assert_cmpint (ABS (created_at - clock_now (f)), <, 60);

  account = account_of (created);
  g_assert_cmpstr (json_object_get_string_member (account, "type"), ==, "CUSTOMER");
  g_assert_cmpstr (json_object_get_string_member (account, "status"), ==, "PENDING");
  g_assert_cmpstr (json_object_get_string_member (account, "domain"), ==, "trattoria-mario.example");

  /* found by account search at once, with its DEFAULT Virtual Account */
  array = get_list (f, "/v1/accounts/search?domain=trattoria-mario", "accounts", &found);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==,
                   "PENDING");
  array = get_list (f, "/v1/accounts/trattoria-mario.example/CUSTOMER/virtual-accounts",
                    "virtualAccounts", &vas);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "name"), ==, "DEFAULT");

  /* listed first (newest first) */
  array = get_list (f, "/v1/account-requests", "accountRequests", &list);
  g_assert_cmpuint (json_array_get_length (array), ==, N_ACCOUNT_REQUESTS + 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "id"), ==,
                   json_object_get_string_member (request, "id"));

  /* a PENDING account can be assigned to an order right away */
  {
    g_autoptr(JsonNode) order = NULL;
    g_autoptr(SoupMessageHeaders) headers = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *uri = g_strconcat (sa_sandbox_thread_get_uri (f->sandbox),
                                        "v1/orders/104857601/smart-account-assignment", NULL);
    g_autofree char *auth = g_strconcat ("Bearer ", f->token, NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("PUT", uri);
    const char *json = "{\"endCustomer\": {\"domain\": \"trattoria-mario.example\", \"virtualAccount\": \"DEFAULT\"},"
                       " \"termsAccepted\": true}";
    g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
    g_autoptr(GBytes) answer = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-Match", "\"1\"");
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
    answer = soup_session_send_and_read (f->session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  }
}

static void
test_account_request_validation (Fixture       *f,
                                 gconstpointer  data)
{
  static const struct { const char *body; const char *field; } cases[] = {
    { "{\"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\"}", "accountName" },
    { "{\"accountName\": \"\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\"}", "accountName" },
    { "{\"accountName\": \"A\\u0007B\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\"}", "accountName" },
    { "{\"accountName\": \"Name\", \"customerEmail\": \"not-an-email\", \"accountDomain\": \"b.example\"}", "customerEmail" },
    { "{\"accountName\": \"Name\", \"accountDomain\": \"b.example\"}", "customerEmail" },
    { "{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"no_dots\"}", "accountDomain" },
    { "{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"-x-.example\"}", "accountDomain" },
    { "{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\"}", "accountDomain" },
    { "{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\","
      " \"users\": [\"ok@b.example\", \"bad\"]}", "users[1]" },
    { "{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\","
      " \"users\": [\"ok@b.example\", \"x@b.example\", \"OK@B.example\"]}", "users[2]" },
  };
  g_autofree char *long_name = NULL;
  g_autofree char *long_note = NULL;
  g_autoptr(GString) many_users = g_string_new ("[");
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = call (f, "POST", "/v1/account-requests", cases[i].body, &status);

      g_test_message ("%s", cases[i].body);
      assert_field_error (node, status, cases[i].field);
    }

  /* lengths: 100 characters is fine, 101 is not; notes 1000 */
  {
    g_autoptr(GString) name = g_string_new (NULL);
    g_autofree char *body = NULL;
    g_autoptr(JsonNode) node = NULL;

    for (i = 0; i < 101; i++)
      g_string_append (name, "é");
    long_name = g_strdup (name->str);
    body = g_strdup_printf ("{\"accountName\": \"%s\", \"customerEmail\": \"a@b.example\","
                            " \"accountDomain\": \"b.example\"}", long_name);
    node = call (f, "POST", "/v1/account-requests", body, &status);
    assert_field_error (node, status, "accountName");
  }
  {
    g_autofree char *body = NULL;
    g_autoptr(JsonNode) node = NULL;

    long_note = g_strnfill (1001, 'n');
    body = g_strdup_printf ("{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\","
                            " \"accountDomain\": \"b.example\", \"noteToUsers\": \"%s\"}", long_note);
    node = call (f, "POST", "/v1/account-requests", body, &status);
    assert_field_error (node, status, "noteToUsers");
  }
  {
    g_autofree char *body = NULL;
    g_autoptr(JsonNode) node = NULL;

    for (i = 0; i < 51; i++)
      g_string_append_printf (many_users, "%s\"u%u@b.example\"", i ? ", " : "", i);
    g_string_append (many_users, "]");
    body = g_strdup_printf ("{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\","
                            " \"accountDomain\": \"b.example\", \"users\": %s}", many_users->str);
    node = call (f, "POST", "/v1/account-requests", body, &status);
    assert_field_error (node, status, "users");
  }

  /* several fields at once */
  {
    g_autoptr(JsonNode) node = call (f, "POST", "/v1/account-requests",
                                     "{\"accountName\": \"\", \"customerEmail\": \"x\", \"accountDomain\": \"y\"}",
                                     &status);
    JsonObject *fields;

    assert_field_error (node, status, "accountName");
    fields = json_object_get_object_member (json_node_get_object (node), "fields");
    g_assert_true (json_object_has_member (fields, "customerEmail"));
    g_assert_true (json_object_has_member (fields, "accountDomain"));
  }

  /* wrong types are 400 */
  {
    g_autoptr(JsonNode) a = call (f, "POST", "/v1/account-requests", "{\"accountName\": 5}", &status);

    sbt_assert_error (a, status, 400, "INVALID_REQUEST");
  }
  {
    g_autoptr(JsonNode) b = call (f, "POST", "/v1/account-requests",
                                  "{\"accountName\": \"N\", \"customerEmail\": \"a@b.example\","
                                  " \"accountDomain\": \"b.example\", \"users\": \"a@b.example\"}", &status);

    sbt_assert_error (b, status, 400, "INVALID_REQUEST");
  }

  /* nothing was created */
  g_assert_cmpuint (count_list (f, "/v1/account-requests", "accountRequests"), ==, N_ACCOUNT_REQUESTS);
  g_assert_cmpuint (count_search (f, "domain=b.example"), ==, 0);
}

static void
test_account_request_domain_taken (Fixture       *f,
                                   gconstpointer  data)
{
  const char *taken[] = {
    "acme-industrie.fr",               /* CUSTOMER */
    "NORTHWIND-networks.example",      /* CUSTOMER and HOLDING, any case */
    "alpes-distribution.example",      /* HOLDING only */
    DOMAIN_SHARED_RESTRICTED,          /* restricted: still taken */
  };
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"accountName\": \"Someone\", \"customerEmail\": \"a@b.example\","
                                               " \"accountDomain\": \"%s\"}", taken[i]);
      g_autoptr(JsonNode) node = call (f, "POST", "/v1/account-requests", body, &status);

      g_test_message ("%s", taken[i]);
      sbt_assert_error (node, status, 409, "DOMAIN_TAKEN");
    }

  /* once requested, the domain is taken too */
  {
    g_autoptr(JsonNode) first = create_trattoria (f);
    g_autoptr(JsonNode) again = call (f, "POST", "/v1/account-requests", TRATTORIA, &status);

    sbt_assert_error (again, status, 409, "DOMAIN_TAKEN");
  }
  g_assert_cmpuint (count_list (f, "/v1/account-requests", "accountRequests"), ==, N_ACCOUNT_REQUESTS + 1);
}

static void
test_account_request_expiry (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) created = create_trattoria (f);
  g_autofree char *id = g_strdup (sbt_get_string (created, "id"));
  g_autofree char *accept = g_strdup_printf ("/sandbox/account-requests/%s/accept", id);
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) search = NULL;
  g_autoptr(JsonNode) refused = NULL;
  gint64 before = clock_now (f);
  JsonArray *array;
  JsonObject *request = NULL;
  guint status, i;

  /* 89 days later: still pending, one day left */
  advance_clock (f, 89);
  g_assert_cmpint (clock_now (f) - before, >=, 89 * 24 * 3600);
  array = get_list (f, "/v1/account-requests", "accountRequests", &list);
  for (i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (array, i), "id"), id) == 0)
      request = json_array_get_object_element (array, i);
  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "PENDING");
  g_assert_cmpint (json_object_get_int_member (request, "daysLeft"), ==, 1);
  g_clear_pointer (&list, json_node_unref);

  /* 90 days: expired, and its Smart Account too */
  advance_clock (f, 1);
  array = get_list (f, "/v1/account-requests", "accountRequests", &list);
  request = NULL;
  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *r = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (r, "id"), id) == 0)
        request = r;
      /* the fixtures' pending ones expired as well; the accepted one did not */
      if (g_strcmp0 (json_object_get_string_member (r, "id"), "AR-000003") == 0)
        g_assert_cmpstr (json_object_get_string_member (r, "status"), ==, "ACTIVE");
      else
        g_assert_cmpstr (json_object_get_string_member (r, "status"), ==, "EXPIRED");
      g_assert_cmpint (json_object_get_int_member (r, "daysLeft"), ==, 0);
    }
  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (request, "smartAccount"), "status"),
                   ==, "EXPIRED");
  array = get_list (f, "/v1/accounts/search?domain=trattoria-mario", "accounts", &search);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==,
                   "EXPIRED");

  /* too late to accept */
  refused = call (f, "POST", accept, NULL, &status);
  sbt_assert_error (refused, status, 409, "REQUEST_NOT_PENDING");

  /* the clock set back before expiry: pending again */
  {
    g_autoptr(GDateTime) back = g_date_time_new_from_unix_utc (before + 24 * 3600);
    g_autofree char *iso = g_date_time_format (back, "%Y-%m-%dT%H:%M:%SZ");
    g_autofree char *body = g_strdup_printf ("{\"now\": \"%s\"}", iso);
    g_autoptr(JsonNode) set = call (f, "POST", "/sandbox/clock", body, &status);
    g_autoptr(JsonNode) again = NULL;

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (sbt_get_string (set, "now"), ==, iso);
    again = call (f, "POST", accept, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (sbt_get_string (again, "status"), ==, "ACTIVE");
  }
}

static void
test_account_request_accept (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) created = create_trattoria (f);
  g_autofree char *accept = g_strdup_printf ("/sandbox/account-requests/%s/accept",
                                             sbt_get_string (created, "id"));
  g_autoptr(JsonNode) accepted = NULL;
  g_autoptr(JsonNode) twice = NULL;
  g_autoptr(JsonNode) search = NULL;
  g_autoptr(JsonNode) later = NULL;
  const char *missing[] = {
    "/sandbox/account-requests/AR-999999/accept",
    "/sandbox/account-requests/XR-000001/accept",
    "/sandbox/account-requests/nonsense/accept",
    "/sandbox/account-requests/AR-00000%27%20OR%201=1/accept",
  };
  JsonArray *array;
  guint status, i;

  accepted = call (f, "POST", accept, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (accepted, "status"), ==, "ACTIVE");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (accepted), "daysLeft"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (account_of (accepted), "status"), ==, "ACTIVE");
  array = get_list (f, "/v1/accounts/search?domain=trattoria-mario", "accounts", &search);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==, "ACTIVE");

  twice = call (f, "POST", accept, NULL, &status);
  sbt_assert_error (twice, status, 409, "REQUEST_NOT_PENDING");

  /* accepted requests never expire */
  advance_clock (f, 200);
  array = get_list (f, "/v1/accounts/search?domain=trattoria-mario", "accounts", &later);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==, "ACTIVE");

  for (i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autoptr(JsonNode) node = call (f, "POST", missing[i], NULL, &status);

      sbt_assert_error (node, status, 404, "ACCOUNT_REQUEST_NOT_FOUND");
    }
}

static void
test_clock (Fixture       *f,
            gconstpointer  data)
{
  const char *bad_400[] = {
    "{}", "{\"advanceDays\": 1, \"now\": \"2030-01-01T00:00:00Z\"}", "{\"advanceDays\": \"1\"}",
    "{\"advanceDays\": 1.5}", "{\"now\": 5}", "[]", "not json",
  };
  const char *bad_422[] = {
    "{\"advanceDays\": -1}", "{\"advanceDays\": 3651}", "{\"advanceDays\": 99999999999999}",
    "{\"now\": \"yesterday\"}", "{\"now\": \"1900-01-01T00:00:00Z\"}", "{\"now\": \"\"}",
  };
  gint64 start = clock_now (f);
  gint64 real = g_get_real_time () / G_USEC_PER_SEC;
  guint status, i;

  g_assert_cmpint (ABS (start - real), <, 60);

  advance_clock (f, 0);
  advance_clock (f, 10);
  g_assert_cmpint (clock_now (f) - start, >=, 10 * 24 * 3600);
  g_assert_cmpint (clock_now (f) - start, <, 10 * 24 * 3600 + 60);

  {
    g_autoptr(JsonNode) node = call (f, "POST", "/sandbox/clock", "{\"now\": \"2031-05-06T07:08:09+02:00\"}", &status);

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (sbt_get_string (node, "now"), ==, "2031-05-06T05:08:09Z");
  }

  for (i = 0; i < G_N_ELEMENTS (bad_400); i++)
    {
      g_autoptr(JsonNode) node = call (f, "POST", "/sandbox/clock", bad_400[i], &status);

      g_test_message ("%s", bad_400[i]);
      sbt_assert_error (node, status, 400, "INVALID_REQUEST");
    }
  for (i = 0; i < G_N_ELEMENTS (bad_422); i++)
    {
      g_autoptr(JsonNode) node = call (f, "POST", "/sandbox/clock", bad_422[i], &status);

      g_test_message ("%s", bad_422[i]);
      sbt_assert_error (node, status, 422, "VALIDATION_FAILED");
    }

  /* unchanged by the refused ones */
  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (clock_now (f));

    g_assert_cmpint (g_date_time_get_year (dt), ==, 2031);
  }

  /* reset puts the clock back to the real time */
  {
    g_autoptr(JsonNode) node = call (f, "POST", "/sandbox/reset", NULL, &status);

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpint (ABS (clock_now (f) - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  }
}

/* ------------------------------------------------------------------------ */
/* Profile                                                                   */

static void
test_profile_update (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *body; const char *field; } invalid[] = {
    { "{\"firstName\": \"\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"FR\"}", "firstName" },
    { "{\"firstName\": \"C\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"FR\"}", "lastName" },
    { "{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"nope\", \"company\": \"C\", \"country\": \"FR\"}", "email" },
    { "{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"country\": \"FR\"}", "company" },
    { "{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"\"}", "country" },
    { "{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"FR\","
      " \"phone\": \"call me\"}", "phone" },
    { "{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"FR\","
      " \"phone\": \"+33 1 23 45 67 89 00 11 22 33 44 55 66 77 88\"}", "phone" },
  };
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) wrong_type = NULL;
  guint status, i;

  before = call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  for (i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(JsonNode) node = call (f, "PUT", "/v1/profile", invalid[i].body, &status);

      g_test_message ("%s", invalid[i].body);
      assert_field_error (node, status, invalid[i].field);
    }
  wrong_type = call (f, "PUT", "/v1/profile", "{\"firstName\": [\"C\"]}", &status);
  sbt_assert_error (wrong_type, status, 400, "INVALID_REQUEST");

  after = call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_true (json_node_equal (before, after));
  g_clear_pointer (&after, json_node_unref);

  updated = call (f, "PUT", "/v1/profile",
                  "{\"username\": \"ignored\", \"firstName\": \"Camille\", \"lastName\": \"Martin-Durand\","
                  " \"email\": \"c.durand@northwind-networks.example\", \"company\": \"Northwind Networks\","
                  " \"country\": \"France\", \"phone\": \"+33 (0)1 99.00.12.34\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (updated, "username"), ==, "trainee");
  after = call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_cmpstr (sbt_get_string (after, "lastName"), ==, "Martin-Durand");
  g_assert_cmpstr (sbt_get_string (after, "email"), ==, "c.durand@northwind-networks.example");
  g_assert_cmpstr (sbt_get_string (after, "company"), ==, "Northwind Networks");
  g_assert_cmpstr (sbt_get_string (after, "country"), ==, "France");
  g_assert_cmpstr (sbt_get_string (after, "phone"), ==, "+33 (0)1 99.00.12.34");
  g_assert_true (json_node_equal (updated, after));
}

/* ------------------------------------------------------------------------ */
/* Access requests                                                           */

static JsonNode *
request_access (Fixture    *f,
                const char *domain,
                const char *account_id,
                guint      *status)
{
  g_autofree char *body = NULL;

  if (account_id != NULL)
    body = g_strdup_printf ("{\"domain\": \"%s\", \"accountId\": \"%s\", \"reason\": \"We run their network.\"}",
                            domain, account_id);
  else
    body = g_strdup_printf ("{\"domain\": \"%s\", \"reason\": \"We run their network.\"}", domain);

  return call (f, "POST", "/v1/access-requests", body, status);
}

static void
test_access_request_ambiguous (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonNode) candidates = NULL;
  g_autoptr(JsonNode) ambiguous = NULL;
  g_autoptr(JsonNode) chosen = NULL;
  g_autoptr(JsonNode) duplicate = NULL;
  g_autoptr(JsonNode) other_domain = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(JsonNode) holding = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonArray *array;
  guint status, i;

  /* restricted: invisible to search, but listed as candidates */
  g_assert_cmpuint (count_search (f, "domain=groupe-hexagone"), ==, 0);
  g_assert_cmpuint (count_search (f, "name=hexagone"), ==, 0);
  array = get_list (f, "/v1/access-requests/candidates?domain=GROUPE-HEXAGONE.example", "accounts", &candidates);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (i = 0; i < 2; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i), "domain"), ==,
                     DOMAIN_SHARED_RESTRICTED);
  g_assert_cmpuint (count_list (f, "/v1/access-requests/candidates?domain=acme-industrie.fr", "accounts"), ==, 1);
  g_assert_cmpuint (count_list (f, "/v1/access-requests/candidates?domain=nobody.example", "accounts"), ==, 0);
  /* exact domain only */
  g_assert_cmpuint (count_list (f, "/v1/access-requests/candidates?domain=hexagone.example", "accounts"), ==, 0);

  ambiguous = request_access (f, DOMAIN_SHARED_RESTRICTED, NULL, &status);
  sbt_assert_error (ambiguous, status, 422, "ACCOUNT_ID_REQUIRED");
  array = json_object_get_array_member (json_node_get_object (ambiguous), "candidates");
  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (array, 0), "id"));

  chosen = request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_CUSTOMER, &status);
  g_assert_cmpuint (status, ==, 201);
  g_assert_true (g_str_has_prefix (sbt_get_string (chosen, "id"), "XR-"));
  g_assert_cmpstr (sbt_get_string (chosen, "status"), ==, "PENDING");
  g_assert_cmpstr (sbt_get_string (chosen, "reason"), ==, "We run their network.");
  g_assert_cmpstr (json_object_get_string_member (account_of (chosen), "id"), ==, ID_HEXAGONE_CUSTOMER);
  g_assert_true (json_object_get_null_member (json_node_get_object (chosen), "decidedDate"));
  g_assert_true (json_object_get_null_member (json_node_get_object (chosen), "lastReminderDate"));
  g_assert_true (json_object_get_null_member (json_node_get_object (chosen), "nextReminderDate"));

  duplicate = request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_CUSTOMER, &status);
  sbt_assert_error (duplicate, status, 409, "DUPLICATE_REQUEST");

  other_domain = request_access (f, DOMAIN_SHARED_RESTRICTED, "SA-100001", &status);
  sbt_assert_error (other_domain, status, 404, "SMART_ACCOUNT_NOT_FOUND");
  none = request_access (f, "nobody.example", NULL, &status);
  sbt_assert_error (none, status, 404, "SMART_ACCOUNT_NOT_FOUND");

  /* the other account of the domain is a different request */
  holding = request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_HOLDING, &status);
  g_assert_cmpuint (status, ==, 201);

  /* a single-account domain needs no accountId; an open account works too */
  {
    g_autoptr(JsonNode) single = request_access (f, DOMAIN_RESTRICTED, NULL, &status);

    g_assert_cmpuint (status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (account_of (single), "domain"), ==, DOMAIN_RESTRICTED);
  }

  array = get_list (f, "/v1/access-requests", "accessRequests", &list);
  g_assert_cmpuint (json_array_get_length (array), ==, N_ACCESS_REQUESTS + 3);
  /* newest first */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (array, 0), "smartAccount"), "domain"), ==, DOMAIN_RESTRICTED);
}

static void
test_access_request_validation (Fixture       *f,
                                gconstpointer  data)
{
  static const struct { const char *body; guint status; const char *field; } cases[] = {
    { "{\"domain\": \"" DOMAIN_RESTRICTED "\"}", 422, "reason" },
    { "{\"domain\": \"" DOMAIN_RESTRICTED "\", \"reason\": \"\"}", 422, "reason" },
    { "{\"reason\": \"r\"}", 422, "domain" },
    { "{\"domain\": \"not a domain\", \"reason\": \"r\"}", 422, "domain" },
    { "{\"domain\": 7, \"reason\": \"r\"}", 400, NULL },
    { "{\"domain\": \"" DOMAIN_RESTRICTED "\", \"reason\": true}", 400, NULL },
    { "{\"domain\": \"" DOMAIN_RESTRICTED "\", \"accountId\": {}, \"reason\": \"r\"}", 400, NULL },
  };
  g_autofree char *long_reason = g_strnfill (501, 'r');
  g_autofree char *max_reason = g_strnfill (500, 'r');
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = call (f, "POST", "/v1/access-requests", cases[i].body, &status);

      g_test_message ("%s", cases[i].body);
      if (cases[i].field != NULL)
        assert_field_error (node, status, cases[i].field);
      else
        sbt_assert_error (node, status, cases[i].status, "INVALID_REQUEST");
    }

  {
    g_autofree char *body = g_strdup_printf ("{\"domain\": \"" DOMAIN_RESTRICTED "\", \"reason\": \"%s\"}",
                                             long_reason);
    g_autoptr(JsonNode) node = call (f, "POST", "/v1/access-requests", body, &status);

    assert_field_error (node, status, "reason");
  }
  g_assert_cmpuint (count_list (f, "/v1/access-requests", "accessRequests"), ==, N_ACCESS_REQUESTS);
  {
    g_autofree char *body = g_strdup_printf ("{\"domain\": \"" DOMAIN_RESTRICTED "\", \"reason\": \"%s\"}",
                                             max_reason);
    g_autoptr(JsonNode) node = call (f, "POST", "/v1/access-requests", body, &status);

    g_assert_cmpuint (status, ==, 201);
  }

  /* candidates need a valid domain */
  {
    g_autoptr(JsonNode) a = call (f, "GET", "/v1/access-requests/candidates", NULL, &status);
    g_autoptr(JsonNode) b = NULL;

    sbt_assert_error (a, status, 400, "INVALID_REQUEST");
    b = call (f, "GET", "/v1/access-requests/candidates?domain=%27%20OR%201%3D1", NULL, &status);
    sbt_assert_error (b, status, 400, "INVALID_REQUEST");
  }
}

static void
test_access_request_decisions (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(JsonNode) search = NULL;
  g_autofree char *decide = NULL;
  g_autofree char *remind = NULL;
  JsonArray *array;
  guint status;

  /* hidden before */
  g_assert_cmpuint (count_search (f, "domain=vigneti"), ==, 0);
  g_assert_cmpuint (count_search (f, "name=vigneti"), ==, 0);
  /* the fixture's approved one is visible, the denied and pending ones not */
  g_assert_cmpuint (count_search (f, "domain=" DOMAIN_APPROVED), ==, 1);
  g_assert_cmpuint (count_search (f, "domain=nordlicht"), ==, 0);
  g_assert_cmpuint (count_search (f, "domain=atelier-meridien"), ==, 0);

  created = request_access (f, DOMAIN_RESTRICTED, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  decide = g_strdup_printf ("/sandbox/access-requests/%s/decide", sbt_get_string (created, "id"));
  remind = g_strdup_printf ("/v1/access-requests/%s/reminders", sbt_get_string (created, "id"));
  g_assert_cmpuint (count_search (f, "domain=vigneti"), ==, 0);

  bad = call (f, "POST", decide, "{\"decision\": \"maybe\"}", &status);
  sbt_assert_error (bad, status, 422, "VALIDATION_FAILED");
  g_clear_pointer (&bad, json_node_unref);
  bad = call (f, "POST", decide, "{}", &status);
  sbt_assert_error (bad, status, 422, "VALIDATION_FAILED");
  g_clear_pointer (&bad, json_node_unref);
  bad = call (f, "POST", decide, "{\"decision\": 1}", &status);
  sbt_assert_error (bad, status, 400, "INVALID_REQUEST");

  approved = call (f, "POST", decide, "{\"decision\": \"approve\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (approved, "status"), ==, "APPROVED");
  g_assert_nonnull (sbt_get_string (approved, "decidedDate"));
  parse_date (sbt_get_string (approved, "decidedDate"));
  g_assert_true (json_object_get_null_member (json_node_get_object (approved), "nextReminderDate"));

  /* visible now, by domain, name and e-mail */
  array = get_list (f, "/v1/accounts/search?domain=vigneti", "accounts", &search);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "domain"), ==,
                   DOMAIN_RESTRICTED);
  g_assert_cmpuint (count_search (f, "name=vigneti&type=CUSTOMER"), ==, 1);
  g_assert_cmpuint (count_search (f, "email=it%40vigneti"), ==, 1);

  again = call (f, "POST", decide, "{\"decision\": \"deny\"}", &status);
  sbt_assert_error (again, status, 409, "REQUEST_NOT_PENDING");
  g_clear_pointer (&again, json_node_unref);
  again = call (f, "POST", remind, NULL, &status);
  sbt_assert_error (again, status, 409, "REQUEST_NOT_PENDING");

  /* denied: still hidden */
  {
    g_autoptr(JsonNode) holding = request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_HOLDING, &status);
    g_autofree char *path = NULL;
    g_autoptr(JsonNode) denied = NULL;
    g_autoptr(JsonNode) new_one = NULL;

    g_assert_cmpuint (status, ==, 201);
    path = g_strdup_printf ("/sandbox/access-requests/%s/decide", sbt_get_string (holding, "id"));
    denied = call (f, "POST", path, "{\"decision\": \"deny\"}", &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (sbt_get_string (denied, "status"), ==, "DENIED");
    g_assert_cmpuint (count_search (f, "domain=groupe-hexagone"), ==, 0);

    /* once decided, a new request for the account is allowed */
    new_one = request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_HOLDING, &status);
    g_assert_cmpuint (status, ==, 201);
  }

  /* the fixtures' decided requests */
  {
    g_autoptr(JsonNode) a = call (f, "POST", "/sandbox/access-requests/" XR_APPROVED "/decide",
                                  "{\"decision\": \"deny\"}", &status);
    g_autoptr(JsonNode) b = NULL;

    sbt_assert_error (a, status, 409, "REQUEST_NOT_PENDING");
    b = call (f, "POST", "/sandbox/access-requests/XR-999999/decide", "{\"decision\": \"deny\"}", &status);
    sbt_assert_error (b, status, 404, "ACCESS_REQUEST_NOT_FOUND");
  }
}

static void
test_access_request_reminders (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) too_soon = NULL;
  g_autoptr(JsonNode) later = NULL;
  g_autoptr(JsonNode) fixture = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autofree char *remind = NULL;
  const char *retry_after;
  gint64 last, next, retry;
  guint status;
  const char *missing[] = {
    "/v1/access-requests/XR-999999/reminders", "/v1/access-requests/AR-000001/reminders",
    "/v1/access-requests/..%2F..%2Fetc/reminders",
  };
  guint i;

  created = request_access (f, DOMAIN_RESTRICTED, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  remind = g_strdup_printf ("/v1/access-requests/%s/reminders", sbt_get_string (created, "id"));

  first = call (f, "POST", remind, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  last = parse_date (sbt_get_string (first, "lastReminderDate"));
  next = parse_date (sbt_get_string (first, "nextReminderDate"));
  g_assert_cmpint (next - last, ==, 24 * 3600);

  too_soon = sbt_call (f->session, sa_sandbox_thread_get_uri (f->sandbox), f->token, "POST", remind, NULL,
                       &status, &headers);
  sbt_assert_error (too_soon, status, 429, "REMINDER_TOO_SOON");
  g_assert_cmpint (parse_date (sbt_get_string (too_soon, "nextReminderDate")), ==, next);
  retry_after = soup_message_headers_get_one (headers, "Retry-After");
  g_assert_nonnull (retry_after);
  retry = g_ascii_strtoll (retry_after, NULL, 10);
  g_assert_cmpint (retry, >, 24 * 3600 - 120);
  g_assert_cmpint (retry, <=, 24 * 3600);

  /* the list shows when the next one is allowed */
  {
    g_autoptr(JsonNode) list = NULL;
    JsonArray *array = get_list (f, "/v1/access-requests", "accessRequests", &list);

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "nextReminderDate"),
                     ==, sbt_get_string (first, "nextReminderDate"));
  }

  /* 23 hours of sandbox clock are not enough; 24 are */
  {
    g_autoptr(JsonNode) set = NULL;
    g_autoptr(JsonNode) still = NULL;
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (last + 23 * 3600);
    g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
    g_autofree char *body = g_strdup_printf ("{\"now\": \"%s\"}", iso);
    g_autoptr(SoupMessageHeaders) h = NULL;

    set = call (f, "POST", "/sandbox/clock", body, &status);
    g_assert_cmpuint (status, ==, 200);
    still = sbt_call (f->session, sa_sandbox_thread_get_uri (f->sandbox), f->token, "POST", remind, NULL,
                      &status, &h);
    sbt_assert_error (still, status, 429, "REMINDER_TOO_SOON");
    g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (h, "Retry-After"), NULL, 10), ==, 3600);
  }
  advance_clock (f, 1);
  later = call (f, "POST", remind, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (parse_date (sbt_get_string (later, "lastReminderDate")), >, last);

  /* the fixture's pending request: a reminder is possible at once */
  fixture = call (f, "POST", "/v1/access-requests/" XR_PENDING "/reminders", NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  {
    g_autoptr(JsonNode) a = call (f, "POST", "/v1/access-requests/" XR_DENIED "/reminders", NULL, &status);

    sbt_assert_error (a, status, 409, "REQUEST_NOT_PENDING");
  }
  for (i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autoptr(JsonNode) node = call (f, "POST", missing[i], NULL, &status);

      g_test_message ("%s", missing[i]);
      g_assert_cmpuint (status, >=, 400);
      g_assert_cmpuint (status, <, 500);
      if (i < 2)
        sbt_assert_error (node, status, 404, "ACCESS_REQUEST_NOT_FOUND");
    }
}

/* ------------------------------------------------------------------------ */
/* Hostile input                                                             */

static void
test_hostile (Fixture       *f,
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

    profile_before = call (f, "GET", "/v1/profile", NULL, &status);
    ar_before = call (f, "GET", "/v1/account-requests", NULL, &status);
    xr_before = call (f, "GET", "/v1/access-requests", NULL, &status);

    for (i = 0; i < G_N_ELEMENTS (paths); i++)
      for (j = 0; j < G_N_ELEMENTS (bodies); j++)
        {
          g_autoptr(JsonNode) node = call (f, paths[i][0], paths[i][1], bodies[j], &status);

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
      {
        g_autoptr(JsonNode) node = call (f, paths[i][0], paths[i][1], bad_utf8, &status);

        sbt_assert_error (node, status, 400, "INVALID_REQUEST");
      }
  }

  /* without a token: 401, nothing done */
  {
    g_autoptr(JsonNode) node = sbt_call (f->session, sa_sandbox_thread_get_uri (f->sandbox), NULL, "POST",
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
      {
        g_autoptr(JsonNode) node = call (f, wrong[i][0], wrong[i][1], NULL, &status);

        sbt_assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
      }
  }

  /* data intact */
  profile_after = call (f, "GET", "/v1/profile", NULL, &status);
  ar_after = call (f, "GET", "/v1/account-requests", NULL, &status);
  xr_after = call (f, "GET", "/v1/access-requests", NULL, &status);
  g_assert_true (json_node_equal (profile_before, profile_after));
  g_assert_true (json_node_equal (ar_before, ar_after));
  g_assert_true (json_node_equal (xr_before, xr_after));
  g_assert_cmpuint (count_search (f, "domain=.&limit=100"), ==, 15);
  g_assert_cmpint (ABS (clock_now (f) - g_get_real_time () / G_USEC_PER_SEC), <, 60);
}

static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) a = create_trattoria (f);
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) reset = NULL;
  guint status;

  b = request_access (f, DOMAIN_RESTRICTED, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  advance_clock (f, 30);

  reset = call (f, "POST", "/sandbox/reset", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (count_list (f, "/v1/account-requests", "accountRequests"), ==, N_ACCOUNT_REQUESTS);
  g_assert_cmpuint (count_list (f, "/v1/access-requests", "accessRequests"), ==, N_ACCESS_REQUESTS);
  g_assert_cmpuint (count_search (f, "domain=trattoria"), ==, 0);
  g_assert_cmpint (ABS (clock_now (f) - g_get_real_time () / G_USEC_PER_SEC), <, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sandbox-requests/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("account/create-and-search", test_account_request_create);
  ADD ("account/validation", test_account_request_validation);
  ADD ("account/domain-taken", test_account_request_domain_taken);
  ADD ("account/expiry-by-clock", test_account_request_expiry);
  ADD ("account/accept", test_account_request_accept);
  ADD ("clock", test_clock);
  ADD ("profile/update", test_profile_update);
  ADD ("access/ambiguous-domain-and-duplicate", test_access_request_ambiguous);
  ADD ("access/validation", test_access_request_validation);
  ADD ("access/decisions-and-visibility", test_access_request_decisions);
  ADD ("access/reminders", test_access_request_reminders);
  ADD ("hostile", test_hostile);
  ADD ("reset", test_reset);

  return g_test_run ();
}
