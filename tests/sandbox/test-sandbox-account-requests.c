/* test-sandbox-account-requests.c — requesting a Smart Account for a
 * customer (procedure 3) over loopback: the request, its rules, the list,
 * expiry by the sandbox clock, the customer's acceptance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sandbox-test-util.h"

static void
test_account_request_create (SbtFixture    *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) vas = NULL;
  g_autoptr(JsonNode) order = NULL;
  JsonObject *request, *account;
  JsonArray *array;
  gint64 created_at, expires_at;
  guint status;

  g_assert_cmpuint (sbt_count_list (f, "/v1/account-requests", "accountRequests"), ==, N_ACCOUNT_REQUESTS);
  g_assert_cmpuint (sbt_count_search (f, "domain=trattoria-mario"), ==, 0);

  created = sbt_create_trattoria (f);
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
  created_at = sbt_parse_date (json_object_get_string_member (request, "createdDate"));
  expires_at = sbt_parse_date (json_object_get_string_member (request, "expiresDate"));
  g_assert_cmpint (expires_at - created_at, ==, 90 * 24 * 3600);
  g_assert_cmpint (ABS (created_at - sbt_clock_now (f)), <, 60);

  account = sbt_account_of (created);
  g_assert_cmpstr (json_object_get_string_member (account, "type"), ==, "CUSTOMER");
  g_assert_cmpstr (json_object_get_string_member (account, "status"), ==, "PENDING");
  g_assert_cmpstr (json_object_get_string_member (account, "domain"), ==, "trattoria-mario.example");

  /* found by account search at once, with its DEFAULT Virtual Account */
  array = sbt_get_list (f, "/v1/accounts/search?domain=trattoria-mario", "accounts", &found);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==,
                   "PENDING");
  array = sbt_get_list (f, "/v1/accounts/trattoria-mario.example/CUSTOMER/virtual-accounts",
                        "virtualAccounts", &vas);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "name"), ==, "DEFAULT");

  /* listed first (newest first) */
  array = sbt_get_list (f, "/v1/account-requests", "accountRequests", &list);
  g_assert_cmpuint (json_array_get_length (array), ==, N_ACCOUNT_REQUESTS + 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "id"), ==,
                   json_object_get_string_member (request, "id"));

  /* a PENDING account can be assigned to an order right away */
  order = sbt_put_assignment (f, "104857601", "\"1\"",
                              "{" EC ("trattoria-mario.example", "DEFAULT") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
}

/* A body of POST /v1/account-requests refused, naming @field. */
#define FIELD(body, field) { "POST", "/v1/account-requests", NULL, body, 0, NULL, field }

static void
test_account_request_validation (SbtFixture    *f,
                                 gconstpointer  data)
{
  static const SbtRefusal cases[] = {
    FIELD ("{\"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\"}", "accountName"),
    FIELD ("{\"accountName\": \"\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\"}", "accountName"),
    FIELD ("{\"accountName\": \"A\\u0007B\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\"}", "accountName"),
    FIELD ("{\"accountName\": \"Name\", \"customerEmail\": \"not-an-email\", \"accountDomain\": \"b.example\"}", "customerEmail"),
    FIELD ("{\"accountName\": \"Name\", \"accountDomain\": \"b.example\"}", "customerEmail"),
    FIELD ("{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"no_dots\"}", "accountDomain"),
    FIELD ("{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"-x-.example\"}", "accountDomain"),
    FIELD ("{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\"}", "accountDomain"),
    FIELD ("{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\","
           " \"users\": [\"ok@b.example\", \"bad\"]}", "users[1]"),
    FIELD ("{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\", \"accountDomain\": \"b.example\","
           " \"users\": [\"ok@b.example\", \"x@b.example\", \"OK@B.example\"]}", "users[2]"),
  };
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(GString) many_users = g_string_new ("[");
  g_autofree char *long_note = g_strnfill (1001, 'n');
  guint status, i;

  sbt_assert_refusals (f, cases, G_N_ELEMENTS (cases));

  /* lengths: 100 characters is fine, 101 is not; notes 1000; users 50 */
  for (i = 0; i < 101; i++)
    g_string_append (long_name, "é");
  for (i = 0; i < 51; i++)
    g_string_append_printf (many_users, "%s\"u%u@b.example\"", i ? ", " : "", i);
  g_string_append (many_users, "]");
  {
    g_autofree char *name_body = g_strdup_printf ("{\"accountName\": \"%s\", \"customerEmail\": \"a@b.example\","
                                                  " \"accountDomain\": \"b.example\"}", long_name->str);
    g_autofree char *note_body = g_strdup_printf ("{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\","
                                                  " \"accountDomain\": \"b.example\", \"noteToUsers\": \"%s\"}",
                                                  long_note);
    g_autofree char *users_body = g_strdup_printf ("{\"accountName\": \"Name\", \"customerEmail\": \"a@b.example\","
                                                   " \"accountDomain\": \"b.example\", \"users\": %s}",
                                                   many_users->str);
    const SbtRefusal too_long[] = {
      FIELD (name_body, "accountName"), FIELD (note_body, "noteToUsers"), FIELD (users_body, "users"),
    };

    sbt_assert_refusals (f, too_long, G_N_ELEMENTS (too_long));
  }

  /* several fields at once */
  {
    g_autoptr(JsonNode) node = sbt_fixture_call (f, "POST", "/v1/account-requests",
                                                 "{\"accountName\": \"\", \"customerEmail\": \"x\","
                                                 " \"accountDomain\": \"y\"}",
                                                 &status);
    JsonObject *fields;

    sbt_assert_field_error (node, status, "accountName");
    fields = json_object_get_object_member (json_node_get_object (node), "fields");
    g_assert_true (json_object_has_member (fields, "customerEmail"));
    g_assert_true (json_object_has_member (fields, "accountDomain"));
  }

  /* wrong types are 400 */
  sbt_assert_refused (f, "POST", "/v1/account-requests", "{\"accountName\": 5}", 400, "INVALID_REQUEST");
  sbt_assert_refused (f, "POST", "/v1/account-requests",
                      "{\"accountName\": \"N\", \"customerEmail\": \"a@b.example\","
                      " \"accountDomain\": \"b.example\", \"users\": \"a@b.example\"}",
                      400, "INVALID_REQUEST");

  /* nothing was created */
  g_assert_cmpuint (sbt_count_list (f, "/v1/account-requests", "accountRequests"), ==, N_ACCOUNT_REQUESTS);
  g_assert_cmpuint (sbt_count_search (f, "domain=b.example"), ==, 0);
}

static void
test_account_request_domain_taken (SbtFixture    *f,
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
      g_autoptr(JsonNode) node = sbt_fixture_call (f, "POST", "/v1/account-requests", body, &status);

      g_test_message ("%s", taken[i]);
      sbt_assert_error (node, status, 409, "DOMAIN_TAKEN");
    }

  /* once requested, the domain is taken too */
  {
    g_autoptr(JsonNode) first = sbt_create_trattoria (f);
    sbt_assert_refused (f, "POST", "/v1/account-requests", TRATTORIA, 409, "DOMAIN_TAKEN");
  }
  g_assert_cmpuint (sbt_count_list (f, "/v1/account-requests", "accountRequests"), ==, N_ACCOUNT_REQUESTS + 1);
}

static void
test_account_request_expiry (SbtFixture    *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) created = sbt_create_trattoria (f);
  g_autofree char *id = g_strdup (sbt_get_string (created, "id"));
  g_autofree char *accept = g_strdup_printf ("/sandbox/account-requests/%s/accept", id);
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) search = NULL;
  gint64 before = sbt_clock_now (f);
  JsonArray *array;
  JsonObject *request = NULL;
  guint status, i;

  /* 89 days later: still pending, one day left */
  sbt_advance_clock (f, 89);
  g_assert_cmpint (sbt_clock_now (f) - before, >=, 89 * 24 * 3600);
  array = sbt_get_list (f, "/v1/account-requests", "accountRequests", &list);
  for (i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (array, i), "id"), id) == 0)
      request = json_array_get_object_element (array, i);
  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "PENDING");
  g_assert_cmpint (json_object_get_int_member (request, "daysLeft"), ==, 1);
  g_clear_pointer (&list, json_node_unref);

  /* 90 days: expired, and its Smart Account too */
  sbt_advance_clock (f, 1);
  array = sbt_get_list (f, "/v1/account-requests", "accountRequests", &list);
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
  array = sbt_get_list (f, "/v1/accounts/search?domain=trattoria-mario", "accounts", &search);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==,
                   "EXPIRED");

  /* too late to accept */
  sbt_assert_refused (f, "POST", accept, NULL, 409, "REQUEST_NOT_PENDING");

  /* the clock set back before expiry: pending again */
  {
    g_autoptr(GDateTime) back = g_date_time_new_from_unix_utc (before + 24 * 3600);
    g_autofree char *iso = g_date_time_format (back, "%Y-%m-%dT%H:%M:%SZ");
    g_autofree char *body = g_strdup_printf ("{\"now\": \"%s\"}", iso);
    g_autoptr(JsonNode) set = sbt_fixture_call (f, "POST", "/sandbox/clock", body, &status);
    g_autoptr(JsonNode) again = NULL;

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (sbt_get_string (set, "now"), ==, iso);
    again = sbt_fixture_call (f, "POST", accept, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (sbt_get_string (again, "status"), ==, "ACTIVE");
  }
}

static void
test_account_request_accept (SbtFixture    *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) created = sbt_create_trattoria (f);
  g_autofree char *accept = g_strdup_printf ("/sandbox/account-requests/%s/accept",
                                             sbt_get_string (created, "id"));
  g_autoptr(JsonNode) accepted = NULL;
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

  accepted = sbt_fixture_call (f, "POST", accept, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (accepted, "status"), ==, "ACTIVE");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (accepted), "daysLeft"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (sbt_account_of (accepted), "status"), ==, "ACTIVE");
  array = sbt_get_list (f, "/v1/accounts/search?domain=trattoria-mario", "accounts", &search);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==, "ACTIVE");

  sbt_assert_refused (f, "POST", accept, NULL, 409, "REQUEST_NOT_PENDING");

  /* accepted requests never expire */
  sbt_advance_clock (f, 200);
  array = sbt_get_list (f, "/v1/accounts/search?domain=trattoria-mario", "accounts", &later);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==, "ACTIVE");

  for (i = 0; i < G_N_ELEMENTS (missing); i++)
    sbt_assert_refused (f, "POST", missing[i], NULL, 404, "ACCOUNT_REQUEST_NOT_FOUND");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("account-requests/create-and-search", test_account_request_create);
  SBT_ADD ("account-requests/validation", test_account_request_validation);
  SBT_ADD ("account-requests/domain-taken", test_account_request_domain_taken);
  SBT_ADD ("account-requests/expiry-by-clock", test_account_request_expiry);
  SBT_ADD ("account-requests/accept", test_account_request_accept);

  return g_test_run ();
}
