/* test-sandbox-access-requests.c — requesting access to an existing Smart
 * Account (procedure 4) over loopback: candidates of a domain, the request,
 * its rules, the administrator's decision and what it makes visible, reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sandbox-test-util.h"

/* A body of POST /v1/access-requests refused: 422 naming @field, or 400. */
#define FIELD(body, field) { "POST", "/v1/access-requests", NULL, body, 0, NULL, field }
#define INVALID(body) { "POST", "/v1/access-requests", NULL, body, 400, "INVALID_REQUEST", NULL }

static void
test_access_request_ambiguous (SbtFixture    *f,
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
  JsonObject *newest;
  JsonArray *array;
  guint status, i;

  /* restricted: invisible to search, but listed as candidates */
  g_assert_cmpuint (sbt_count_search (f, "domain=groupe-hexagone"), ==, 0);
  g_assert_cmpuint (sbt_count_search (f, "name=hexagone"), ==, 0);
  array = sbt_get_list (f, "/v1/access-requests/candidates?domain=GROUPE-HEXAGONE.example", "accounts", &candidates);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (i = 0; i < 2; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i), "domain"), ==,
                     DOMAIN_SHARED_RESTRICTED);
  g_assert_cmpuint (sbt_count_list (f, "/v1/access-requests/candidates?domain=acme-industrie.fr", "accounts"), ==, 1);
  g_assert_cmpuint (sbt_count_list (f, "/v1/access-requests/candidates?domain=nobody.example", "accounts"), ==, 0);
  /* exact domain only */
  g_assert_cmpuint (sbt_count_list (f, "/v1/access-requests/candidates?domain=hexagone.example", "accounts"), ==, 0);

  ambiguous = sbt_request_access (f, DOMAIN_SHARED_RESTRICTED, NULL, &status);
  sbt_assert_error (ambiguous, status, 422, "ACCOUNT_ID_REQUIRED");
  array = json_object_get_array_member (json_node_get_object (ambiguous), "candidates");
  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (array, 0), "id"));

  chosen = sbt_request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_CUSTOMER, &status);
  g_assert_cmpuint (status, ==, 201);
  g_assert_true (g_str_has_prefix (sbt_get_string (chosen, "id"), "XR-"));
  g_assert_cmpstr (sbt_get_string (chosen, "status"), ==, "PENDING");
  g_assert_cmpstr (sbt_get_string (chosen, "reason"), ==, "We run their network.");
  g_assert_cmpstr (json_object_get_string_member (sbt_account_of (chosen), "id"), ==, ID_HEXAGONE_CUSTOMER);
  g_assert_true (json_object_get_null_member (json_node_get_object (chosen), "decidedDate"));
  g_assert_true (json_object_get_null_member (json_node_get_object (chosen), "lastReminderDate"));
  g_assert_true (json_object_get_null_member (json_node_get_object (chosen), "nextReminderDate"));

  duplicate = sbt_request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_CUSTOMER, &status);
  sbt_assert_error (duplicate, status, 409, "DUPLICATE_REQUEST");

  other_domain = sbt_request_access (f, DOMAIN_SHARED_RESTRICTED, "SA-100001", &status);
  sbt_assert_error (other_domain, status, 404, "SMART_ACCOUNT_NOT_FOUND");
  none = sbt_request_access (f, "nobody.example", NULL, &status);
  sbt_assert_error (none, status, 404, "SMART_ACCOUNT_NOT_FOUND");

  /* the other account of the domain is a different request */
  holding = sbt_request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_HOLDING, &status);
  g_assert_cmpuint (status, ==, 201);

  /* a single-account domain needs no accountId; an open account works too */
  {
    g_autoptr(JsonNode) single = sbt_request_access (f, DOMAIN_RESTRICTED, NULL, &status);

    g_assert_cmpuint (status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (sbt_account_of (single), "domain"), ==, DOMAIN_RESTRICTED);
  }

  array = sbt_get_list (f, "/v1/access-requests", "accessRequests", &list);
  g_assert_cmpuint (json_array_get_length (array), ==, N_ACCESS_REQUESTS + 3);
  /* newest first */
  newest = json_object_get_object_member (json_array_get_object_element (array, 0), "smartAccount");
  g_assert_cmpstr (json_object_get_string_member (newest, "domain"), ==, DOMAIN_RESTRICTED);
}

static void
test_access_request_validation (SbtFixture    *f,
                                gconstpointer  data)
{
  static const SbtRefusal cases[] = {
    FIELD ("{\"domain\": \"" DOMAIN_RESTRICTED "\"}", "reason"),
    FIELD ("{\"domain\": \"" DOMAIN_RESTRICTED "\", \"reason\": \"\"}", "reason"),
    FIELD ("{\"reason\": \"r\"}", "domain"),
    FIELD ("{\"domain\": \"not a domain\", \"reason\": \"r\"}", "domain"),
    INVALID ("{\"domain\": 7, \"reason\": \"r\"}"),
    INVALID ("{\"domain\": \"" DOMAIN_RESTRICTED "\", \"reason\": true}"),
    INVALID ("{\"domain\": \"" DOMAIN_RESTRICTED "\", \"accountId\": {}, \"reason\": \"r\"}"),
  };
  g_autofree char *long_reason = g_strnfill (501, 'r');
  g_autofree char *max_reason = g_strnfill (500, 'r');
  guint status;

  sbt_assert_refusals (f, cases, G_N_ELEMENTS (cases));

  {
    g_autofree char *body = g_strdup_printf ("{\"domain\": \"" DOMAIN_RESTRICTED "\", \"reason\": \"%s\"}",
                                             long_reason);
    g_autoptr(JsonNode) node = sbt_fixture_call (f, "POST", "/v1/access-requests", body, &status);

    sbt_assert_field_error (node, status, "reason");
  }
  g_assert_cmpuint (sbt_count_list (f, "/v1/access-requests", "accessRequests"), ==, N_ACCESS_REQUESTS);
  {
    g_autofree char *body = g_strdup_printf ("{\"domain\": \"" DOMAIN_RESTRICTED "\", \"reason\": \"%s\"}",
                                             max_reason);
    g_autoptr(JsonNode) node = sbt_fixture_call (f, "POST", "/v1/access-requests", body, &status);

    g_assert_cmpuint (status, ==, 201);
  }

  /* candidates need a valid domain */
  {
    sbt_assert_refused (f, "GET", "/v1/access-requests/candidates", NULL, 400, "INVALID_REQUEST");
    sbt_assert_refused (f, "GET", "/v1/access-requests/candidates?domain=%27%20OR%201%3D1", NULL, 400,
                        "INVALID_REQUEST");
  }
}

static void
test_access_request_decisions (SbtFixture    *f,
                               gconstpointer  data)
{
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) search = NULL;
  g_autofree char *decide = NULL;
  g_autofree char *remind = NULL;
  JsonArray *array;
  guint status;

  /* hidden before */
  g_assert_cmpuint (sbt_count_search (f, "domain=vigneti"), ==, 0);
  g_assert_cmpuint (sbt_count_search (f, "name=vigneti"), ==, 0);
  /* the fixture's approved one is visible, the denied and pending ones not */
  g_assert_cmpuint (sbt_count_search (f, "domain=" DOMAIN_APPROVED), ==, 1);
  g_assert_cmpuint (sbt_count_search (f, "domain=nordlicht"), ==, 0);
  g_assert_cmpuint (sbt_count_search (f, "domain=atelier-meridien"), ==, 0);

  created = sbt_request_access (f, DOMAIN_RESTRICTED, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  decide = g_strdup_printf ("/sandbox/access-requests/%s/decide", sbt_get_string (created, "id"));
  remind = g_strdup_printf ("/v1/access-requests/%s/reminders", sbt_get_string (created, "id"));
  g_assert_cmpuint (sbt_count_search (f, "domain=vigneti"), ==, 0);

  sbt_assert_refused (f, "POST", decide, "{\"decision\": \"maybe\"}", 422, "VALIDATION_FAILED");
  sbt_assert_refused (f, "POST", decide, "{}", 422, "VALIDATION_FAILED");
  sbt_assert_refused (f, "POST", decide, "{\"decision\": 1}", 400, "INVALID_REQUEST");

  approved = sbt_fixture_call (f, "POST", decide, "{\"decision\": \"approve\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (approved, "status"), ==, "APPROVED");
  g_assert_nonnull (sbt_get_string (approved, "decidedDate"));
  sbt_parse_date (sbt_get_string (approved, "decidedDate"));
  g_assert_true (json_object_get_null_member (json_node_get_object (approved), "nextReminderDate"));

  /* visible now, by domain, name and e-mail */
  array = sbt_get_list (f, "/v1/accounts/search?domain=vigneti", "accounts", &search);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "domain"), ==,
                   DOMAIN_RESTRICTED);
  g_assert_cmpuint (sbt_count_search (f, "name=vigneti&type=CUSTOMER"), ==, 1);
  g_assert_cmpuint (sbt_count_search (f, "email=it%40vigneti"), ==, 1);

  sbt_assert_refused (f, "POST", decide, "{\"decision\": \"deny\"}", 409, "REQUEST_NOT_PENDING");
  sbt_assert_refused (f, "POST", remind, NULL, 409, "REQUEST_NOT_PENDING");

  /* denied: still hidden */
  {
    g_autoptr(JsonNode) holding = sbt_request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_HOLDING, &status);
    g_autofree char *path = NULL;
    g_autoptr(JsonNode) denied = NULL;
    g_autoptr(JsonNode) new_one = NULL;

    g_assert_cmpuint (status, ==, 201);
    path = g_strdup_printf ("/sandbox/access-requests/%s/decide", sbt_get_string (holding, "id"));
    denied = sbt_fixture_call (f, "POST", path, "{\"decision\": \"deny\"}", &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (sbt_get_string (denied, "status"), ==, "DENIED");
    g_assert_cmpuint (sbt_count_search (f, "domain=groupe-hexagone"), ==, 0);

    /* once decided, a new request for the account is allowed */
    new_one = sbt_request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_HOLDING, &status);
    g_assert_cmpuint (status, ==, 201);
  }

  /* the fixtures' decided requests */
  {
    sbt_assert_refused (f, "POST", "/sandbox/access-requests/" XR_APPROVED "/decide",
                        "{\"decision\": \"deny\"}", 409, "REQUEST_NOT_PENDING");
    sbt_assert_refused (f, "POST", "/sandbox/access-requests/XR-999999/decide", "{\"decision\": \"deny\"}",
                        404, "ACCESS_REQUEST_NOT_FOUND");
  }
}

/* The restricted-account rule holds everywhere, not only in search: a
 * restricted Smart Account the user has no access to has no Virtual Accounts
 * to list and cannot take an order; once access is approved, both work. */
static void
test_access_request_restricted_everywhere (SbtFixture    *f,
                                           gconstpointer  data)
{
  static const SbtRefusal refused[] = {
    { "GET", "/v1/accounts/" DOMAIN_RESTRICTED "/CUSTOMER/virtual-accounts", NULL, NULL, 404,
      "SMART_ACCOUNT_NOT_FOUND", NULL },
    { "GET", "/v1/accounts/" DOMAIN_SHARED_RESTRICTED "/HOLDING/virtual-accounts", NULL, NULL, 404,
      "SMART_ACCOUNT_NOT_FOUND", NULL },
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" EC (DOMAIN_RESTRICTED, "DEFAULT") ", " TERMS "}", 404,
         "SMART_ACCOUNT_NOT_FOUND"),
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" HOLD (DOMAIN_SHARED_RESTRICTED, "DEFAULT") ", " TERMS "}", 404,
         "SMART_ACCOUNT_NOT_FOUND"),
  };
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) assigned = NULL;
  g_autofree char *decide = NULL;
  JsonObject *order;
  guint status;

  sbt_assert_refusals (f, refused, G_N_ELEMENTS (refused));
  g_assert_cmpint (sbt_order_version (f, ORDER_UNASSIGNED), ==, 1);

  /* an approved one is reachable: its Virtual Accounts, and an order */
  g_assert_cmpuint (sbt_count_list (f, "/v1/accounts/" DOMAIN_APPROVED "/CUSTOMER/virtual-accounts",
                                    "virtualAccounts"), ==, 2);

  created = sbt_request_access (f, DOMAIN_RESTRICTED, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  decide = g_strdup_printf ("/sandbox/access-requests/%s/decide", sbt_get_string (created, "id"));
  approved = sbt_fixture_call (f, "POST", decide, "{\"decision\": \"approve\"}", &status);
  g_assert_cmpuint (status, ==, 200);

  g_assert_cmpuint (sbt_count_list (f, "/v1/accounts/" DOMAIN_RESTRICTED "/CUSTOMER/virtual-accounts",
                                    "virtualAccounts"), ==, 1);
  assigned = sbt_put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                                 "{" EC (DOMAIN_RESTRICTED, "DEFAULT") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  order = json_object_get_object_member (json_node_get_object (assigned), "endCustomer");
  g_assert_cmpstr (json_object_get_string_member (order, "domain"), ==, DOMAIN_RESTRICTED);
  /* the other account of a shared domain stays out of reach */
  sbt_assert_refused (f, "GET", "/v1/accounts/" DOMAIN_SHARED_RESTRICTED "/CUSTOMER/virtual-accounts",
                      NULL, 404, "SMART_ACCOUNT_NOT_FOUND");
}

static void
test_access_request_reminders (SbtFixture    *f,
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

  created = sbt_request_access (f, DOMAIN_RESTRICTED, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  remind = g_strdup_printf ("/v1/access-requests/%s/reminders", sbt_get_string (created, "id"));

  first = sbt_fixture_call (f, "POST", remind, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  last = sbt_parse_date (sbt_get_string (first, "lastReminderDate"));
  next = sbt_parse_date (sbt_get_string (first, "nextReminderDate"));
  g_assert_cmpint (next - last, ==, 24 * 3600);

  too_soon = sbt_call (f->session, f->base, f->token, "POST", remind, NULL,
                       &status, &headers);
  sbt_assert_error (too_soon, status, 429, "REMINDER_TOO_SOON");
  g_assert_cmpint (sbt_parse_date (sbt_get_string (too_soon, "nextReminderDate")), ==, next);
  retry_after = soup_message_headers_get_one (headers, "Retry-After");
  g_assert_nonnull (retry_after);
  retry = g_ascii_strtoll (retry_after, NULL, 10);
  g_assert_cmpint (retry, >, 24 * 3600 - 120);
  g_assert_cmpint (retry, <=, 24 * 3600);

  /* the list shows when the next one is allowed */
  {
    g_autoptr(JsonNode) list = NULL;
    JsonArray *array = sbt_get_list (f, "/v1/access-requests", "accessRequests", &list);

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

    set = sbt_fixture_call (f, "POST", "/sandbox/clock", body, &status);
    g_assert_cmpuint (status, ==, 200);
    still = sbt_call (f->session, f->base, f->token, "POST", remind, NULL,
                      &status, &h);
    sbt_assert_error (still, status, 429, "REMINDER_TOO_SOON");
    /* an hour, give or take the second the sandbox clock may turn meanwhile */
    g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (h, "Retry-After"), NULL, 10), >=, 3599);
    g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (h, "Retry-After"), NULL, 10), <=, 3600);
  }
  sbt_advance_clock (f, 1);
  later = sbt_fixture_call (f, "POST", remind, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (sbt_parse_date (sbt_get_string (later, "lastReminderDate")), >, last);

  /* the fixture's pending request: a reminder is possible at once */
  fixture = sbt_fixture_call (f, "POST", "/v1/access-requests/" XR_PENDING "/reminders", NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  {
    sbt_assert_refused (f, "POST", "/v1/access-requests/" XR_DENIED "/reminders", NULL, 409, "REQUEST_NOT_PENDING");
  }
  for (i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autoptr(JsonNode) node = sbt_fixture_call (f, "POST", missing[i], NULL, &status);

      g_test_message ("%s", missing[i]);
      g_assert_cmpuint (status, >=, 400);
      g_assert_cmpuint (status, <, 500);
      if (i < 2)
        sbt_assert_error (node, status, 404, "ACCESS_REQUEST_NOT_FOUND");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("access-requests/ambiguous-domain-and-duplicate", test_access_request_ambiguous);
  SBT_ADD ("access-requests/validation", test_access_request_validation);
  SBT_ADD ("access-requests/decisions-and-visibility", test_access_request_decisions);
  SBT_ADD ("access-requests/reminders", test_access_request_reminders);
  SBT_ADD ("access-requests/restricted-everywhere", test_access_request_restricted_everywhere);

  return g_test_run ();
}
