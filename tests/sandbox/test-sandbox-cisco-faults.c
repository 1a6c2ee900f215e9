/* test-sandbox-cisco-faults.c — the training faults of the sandbox's Cisco
 * paths over loopback: each one answers as Cisco's gateways do (401
 * invalid_client, 403 "Invalid Client", 429 with Retry-After in seconds or as
 * an HTTP date, the HTML 403, 401 invalid_token, no roles, OSA001, bytes that
 * are not UTF-8, a delay), the queue (counts, until cleared, which API each
 * applies to), the controls (GET, POST, PUT, DELETE and their refusals), the
 * request log (no secret), and that they are each user's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sandbox-cisco-test-util.h"
#include "sa-sandbox-server.h"

#define FAULTS "/sandbox/cisco-faults"
#define V2     SAL "/v2/accounts"

static JsonArray *
get_faults (SbtFixture  *f,
            JsonNode   **holder)
{
  guint status;

  *holder = sbt_fixture_call (f, "GET", FAULTS, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  return json_object_get_array_member (json_node_get_object (*holder), "faults");
}

static void
test_fault_invalid_client (SbtFixture    *f,
                           gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_auto(SctReply) reply = { 0 };

  sct_add_fault (f, "{\"fault\": \"invalid-client\", \"count\": 2}");

  /* an API call does not meet it */
  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);

  /* the right secret, refused twice as a new application is */
  sct_token_reply (f, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD, &reply);
  g_assert_cmpuint (reply.status, ==, 401);
  g_assert_cmpstr (sbt_get_string (reply.json, "error"), ==, "invalid_client");
  sct_token_reply (f, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD, &reply);
  g_assert_cmpuint (reply.status, ==, 401);
  sct_token_reply (f, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
}

static void
test_fault_access_not_approved (SbtFixture    *f,
                                gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_auto(SctReply) reply = { 0 };

  sct_add_fault (f, "{\"fault\": \"access-not-approved\", \"count\": 2}");

  /* the token is issued … */
  token = sct_sign_in (f);
  /* … but every API answers 403 "Invalid Client" */
  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 403);
  g_assert_cmpstr (sbt_get_string (reply.json, "message"), ==, "Invalid Client");
  sct_check_order (f, token, ORDER_UNASSIGNED, &reply);
  g_assert_cmpuint (reply.status, ==, 403);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (reply.body, NULL), (gssize) g_bytes_get_size (reply.body),
                                  "Invalid Client"));

  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
}

static void
test_fault_rate_limited (SbtFixture    *f,
                         gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_auto(SctReply) reply = { 0 };
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;

  sct_add_fault (f, "{\"fault\": \"rate-limited\", \"retryAfter\": 2}");
  sct_add_fault (f, "{\"fault\": \"rate-limited\", \"retryAfter\": 30, \"retryAfterFormat\": \"http-date\"}");

  sct_get (f, token, SAL "/v1/accounts/search?domain=acme", &reply);
  g_assert_cmpuint (reply.status, ==, 429);
  g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Retry-After"), ==, "2");
  g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "X-RateLimit-Remaining"), ==, "0");
  g_assert_nonnull (sbt_get_string (reply.json, "message"));

  sct_check_order (f, token, ORDER_UNASSIGNED, &reply);
  g_assert_cmpuint (reply.status, ==, 429);
  date = soup_date_time_new_from_http_string (soup_message_headers_get_one (reply.headers, "Retry-After"));
  g_assert_nonnull (date);
  now = g_date_time_new_now_utc ();
  g_assert_cmpint (g_date_time_difference (date, now) / G_USEC_PER_SEC, >=, 28);
  g_assert_cmpint (g_date_time_difference (date, now) / G_USEC_PER_SEC, <=, 31);

  sct_check_order (f, token, ORDER_UNASSIGNED, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
}

static void
test_fault_html_403 (SbtFixture    *f,
                     gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_auto(SctReply) reply = { 0 };

  sct_add_fault (f, "{\"fault\": \"html-403\"}");
  sct_post_json (f, token, SAL "/v1/accounts/" DOMAIN_ACME "/licenses", "{\"limit\": 100}", &reply);
  g_assert_cmpuint (reply.status, ==, 403);
  g_assert_null (reply.json);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply.headers, NULL), ==, "text/html");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (reply.body, NULL), (gssize) g_bytes_get_size (reply.body),
                                  "<h1>Not Authorized</h1>"));
}

static void
test_fault_invalid_token (SbtFixture    *f,
                          gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_auto(SctReply) reply = { 0 };

  sct_add_fault (f, "{\"fault\": \"invalid-token\"}");
  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 401);
  g_assert_cmpstr (sbt_get_string (reply.json, "error"), ==, "invalid_token");
  g_assert_nonnull (soup_message_headers_get_one (reply.headers, "WWW-Authenticate"));
  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
}

static void
test_fault_no_roles (SbtFixture    *f,
                     gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_auto(SctReply) reply = { 0 };
  JsonObject *object;

  sct_add_fault (f, "{\"fault\": \"no-roles\"}");
  /* only /v2/accounts meets it */
  sct_get (f, token, SAL "/v1/accounts/search?domain=acme", &reply);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (reply.json), "totalRecords"), ==, 1);

  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  object = json_node_get_object (reply.json);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "accounts")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "SUCCESS");

  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (reply.json),
                                                                         "accounts")), ==, N_ROLE_ACCOUNTS);
}

static void
test_fault_osa001 (SbtFixture    *f,
                   gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_auto(SctReply) reply = { 0 };

  sct_add_fault (f, "{\"fault\": \"osa001\"}");
  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);

  sct_check_order (f, token, ORDER_UNASSIGNED, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_nonnull (strstr (sct_expression (&reply), "OSA001"));
  g_assert_false (json_object_has_member (sct_data_area (&reply), "PurchaseOrder"));

  sct_check_order (f, token, ORDER_UNASSIGNED, &reply);
  g_assert_cmpstr (sct_expression (&reply), ==, "Success");
}

static void
test_fault_non_utf8 (SbtFixture    *f,
                     gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_auto(SctReply) reply = { 0 };
  const char *bytes;
  gsize length;

  sct_add_fault (f, "{\"fault\": \"non-utf8\", \"count\": 2}");

  /* "Hôtel Belle Rive": its ô comes as the Latin-1 byte 0xF4 */
  sct_check_order (f, token, "104857608", &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_null (reply.json);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply.headers, NULL), ==, "application/json");
  bytes = g_bytes_get_data (reply.body, &length);
  g_assert_false (g_utf8_validate (bytes, (gssize) length, NULL));
  g_assert_nonnull (memchr (bytes, 0xF4, length));
  g_assert_nonnull (g_strstr_len (bytes, (gssize) length, "H\xf4tel Belle Rive"));

  sct_get (f, token, SAL "/v1/accounts/search?name=h%C3%B4tel", &reply);
  g_assert_null (reply.json);
  bytes = g_bytes_get_data (reply.body, &length);
  g_assert_false (g_utf8_validate (bytes, (gssize) length, NULL));

  sct_get (f, token, SAL "/v1/accounts/search?name=h%C3%B4tel", &reply);
  g_assert_nonnull (reply.json);
}

static void
test_fault_slow (SbtFixture    *f,
                 gconstpointer  data)
{
  g_auto(SctReply) reply = { 0 };
  g_autofree char *token = NULL;
  gint64 start;

  sct_add_fault (f, "{\"fault\": \"slow\", \"delayMs\": 600, \"count\": 2}");

  start = g_get_monotonic_time ();
  token = sct_sign_in (f);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 600 * 1000);

  start = g_get_monotonic_time ();
  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_nonnull (reply.json);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 600 * 1000);

  start = g_get_monotonic_time ();
  sct_get (f, token, V2, &reply);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 500 * 1000);
}

/* ------------------------------------------------------------------------ */
/* The queue and the controls                                                */

static void
test_fault_queue (SbtFixture    *f,
                  gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_auto(SctReply) reply = { 0 };
  JsonArray *faults;
  JsonObject *first;
  guint status, i;

  /* the first that applies to the call, in the order queued */
  sct_add_fault (f, "{\"fault\": \"osa001\"}");
  sct_add_fault (f, "{\"fault\": \"html-403\", \"count\": 3}");
  faults = get_faults (f, &holder);
  g_assert_cmpuint (json_array_get_length (faults), ==, 2);
  first = json_array_get_object_element (faults, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "fault"), ==, "osa001");
  g_assert_cmpint (json_object_get_int_member (first, "remaining"), ==, 1);

  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 403);
  sct_check_order (f, token, ORDER_UNASSIGNED, &reply);
  g_assert_nonnull (strstr (sct_expression (&reply), "OSA001"));
  g_clear_pointer (&holder, json_node_unref);
  faults = get_faults (f, &holder);
  g_assert_cmpuint (json_array_get_length (faults), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (faults, 0), "remaining"), ==, 2);
  for (i = 0; i < 2; i++)
    {
      sct_get (f, token, V2, &reply);
      g_assert_cmpuint (reply.status, ==, 403);
    }
  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);

  /* count 0: until cleared */
  sct_add_fault (f, "{\"fault\": \"access-not-approved\", \"count\": 0}");
  g_clear_pointer (&holder, json_node_unref);
  faults = get_faults (f, &holder);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (faults, 0), "remaining"));
  for (i = 0; i < 5; i++)
    {
      sct_get (f, token, V2, &reply);
      g_assert_cmpuint (reply.status, ==, 403);
    }
  cleared = sbt_fixture_call (f, "DELETE", FAULTS, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (cleared), "faults")),
                    ==, 0);
  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
}

static void
test_fault_put (SbtFixture    *f,
                gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) reset = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_auto(SctReply) reply = { 0 };
  JsonArray *faults;
  JsonObject *slow, *limited;
  guint status;

  sct_add_fault (f, "{\"fault\": \"html-403\"}");
  state = sbt_fixture_call (f, "PUT", FAULTS,
                            "{\"faults\": [{\"fault\": \"rate-limited\", \"retryAfter\": 0, \"count\": 2},"
                            " {\"fault\": \"slow\", \"delayMs\": 100}], \"tokenLifetime\": 600}", &status);
  g_assert_cmpuint (status, ==, 200);
  faults = get_faults (f, &holder);
  g_assert_cmpuint (json_array_get_length (faults), ==, 2);
  limited = json_array_get_object_element (faults, 0);
  slow = json_array_get_object_element (faults, 1);
  g_assert_cmpstr (json_object_get_string_member (limited, "retryAfterFormat"), ==, "seconds");
  g_assert_cmpint (json_object_get_int_member (limited, "retryAfter"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (slow, "delayMs"), ==, 100);
  g_assert_false (json_object_has_member (slow, "retryAfter"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (holder), "tokenLifetime"), ==, 600);

  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 429);
  g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Retry-After"), ==, "0");

  /* the trainee's reset clears the faults too */
  reset = sbt_fixture_call (f, "POST", "/sandbox/reset", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (get_faults (f, &holder)), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (holder), "tokenLifetime"), ==, 3599);
  sct_get (f, token, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
}

static void
test_fault_controls_refused (SbtFixture    *f,
                             gconstpointer  data)
{
  static const SbtRefusal refusals[] = {
    { "POST", FAULTS, NULL, "{}", 0, NULL, "fault" },
    { "POST", FAULTS, NULL, "{\"fault\": \"boom\"}", 0, NULL, "fault" },
    { "POST", FAULTS, NULL, "{\"fault\": \"slow\", \"delayMs\": 0}", 0, NULL, "delayMs" },
    { "POST", FAULTS, NULL, "{\"fault\": \"slow\", \"delayMs\": 30001}", 0, NULL, "delayMs" },
    { "POST", FAULTS, NULL, "{\"fault\": \"rate-limited\", \"retryAfter\": -1}", 0, NULL, "retryAfter" },
    { "POST", FAULTS, NULL, "{\"fault\": \"rate-limited\", \"retryAfter\": 3601}", 0, NULL, "retryAfter" },
    { "POST", FAULTS, NULL, "{\"fault\": \"rate-limited\", \"retryAfterFormat\": \"minutes\"}", 0, NULL,
      "retryAfterFormat" },
    { "POST", FAULTS, NULL, "{\"fault\": \"html-403\", \"count\": 1001}", 0, NULL, "count" },
    { "POST", FAULTS, NULL, "{\"fault\": \"html-403\", \"count\": -1}", 0, NULL, "count" },
    { "POST", FAULTS, NULL, "{\"fault\": 1}", 400, "INVALID_REQUEST", NULL },
    { "POST", FAULTS, NULL, "{\"fault\": \"html-403\", \"count\": \"2\"}", 400, "INVALID_REQUEST", NULL },
    { "POST", FAULTS, NULL, "{\"fault\": \"html-403\", \"count\": 1.5}", 400, "INVALID_REQUEST", NULL },
    { "POST", FAULTS, NULL, "{\"fault\": \"html-403\", \"extra\": 1}", 400, "INVALID_REQUEST", NULL },
    { "POST", FAULTS, NULL, "[]", 400, "INVALID_REQUEST", NULL },
    { "POST", FAULTS, NULL, "", 400, "INVALID_REQUEST", NULL },
    { "PUT", FAULTS, NULL, "{\"faults\": \"html-403\"}", 400, "INVALID_REQUEST", NULL },
    { "PUT", FAULTS, NULL, "{\"faults\": [\"html-403\"]}", 400, "INVALID_REQUEST", NULL },
    { "PUT", FAULTS, NULL, "{\"tokenLifetime\": 0}", 0, NULL, "tokenLifetime" },
    { "PUT", FAULTS, NULL, "{\"tokenLifetime\": 86401}", 0, NULL, "tokenLifetime" },
    { "PUT", FAULTS, NULL, "{\"faults\": [{\"fault\": \"nope\"}]}", 0, NULL, "fault" },
    { "PUT", FAULTS, NULL, "{\"other\": 1}", 400, "INVALID_REQUEST", NULL },
    { "PATCH", FAULTS, NULL, "{}", 405, "METHOD_NOT_ALLOWED", NULL },
    { "POST", "/sandbox/cisco-requests", NULL, "{}", 405, "METHOD_NOT_ALLOWED", NULL },
  };
  g_autoptr(GString) many = g_string_new ("{\"faults\": [");
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *token = sct_sign_in (f);
  guint i;

  sbt_assert_refusals (f, refusals, G_N_ELEMENTS (refusals));

  /* at most 50 in the queue */
  for (i = 0; i < 51; i++)
    g_string_append_printf (many, "%s{\"fault\": \"slow\"}", i > 0 ? ", " : "");
  g_string_append (many, "]}");
  sbt_assert_refused (f, "PUT", FAULTS, many->str, 422, "VALIDATION_FAILED");
  for (i = 0; i < 50; i++)
    sct_add_fault (f, "{\"fault\": \"slow\", \"delayMs\": 1}");
  sbt_assert_refused (f, "POST", FAULTS, "{\"fault\": \"slow\"}", 422, "VALIDATION_FAILED");
  g_assert_cmpuint (json_array_get_length (get_faults (f, &holder)), ==, 50);

  /* the controls are the Desk API's: a Cisco token is refused */
  {
    g_auto(SctReply) reply = { 0 };

    sct_request (f, token, "POST", FAULTS, "application/json", "{\"fault\": \"slow\"}", &reply);
    g_assert_cmpuint (reply.status, ==, 401);
  }
}

/* ------------------------------------------------------------------------ */
/* The log, and each user's own                                              */

static void
test_request_log (SbtFixture    *f,
                  gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_auto(SctReply) reply = { 0 };
  JsonArray *log;
  JsonObject *entry;
  gint64 previous = 0;
  guint status, i;

  sct_token_reply (f, SA_SANDBOX_TRAINING_USERNAME, "wrong-secret", &reply);
  token = sct_sign_in (f);
  sct_add_fault (f, "{\"fault\": \"rate-limited\", \"retryAfter\": 1}");
  sct_get (f, token, SAL "/v1/accounts/search?domain=acme&limit=5", &reply);
  sct_post_json (f, token, SAL "/v1/accounts/" DOMAIN_ACME "/licenses?limit=100&offset=0", "{\"limit\": 100}", &reply);
  sct_check_order (f, token, ORDER_UNASSIGNED, &reply);
  /* not the user's: not in their log */
  sct_get (f, "unknown-token", V2, &reply);
  sct_token_reply (f, "nobody", "secret", &reply);

  log = sct_log (f, &holder);
  g_assert_cmpuint (json_array_get_length (log), ==, 5);
  for (i = 0; i < json_array_get_length (log); i++)
    {
      gint64 at;

      entry = json_array_get_object_element (log, i);
      at = sbt_parse_date (json_object_get_string_member (entry, "receivedAt"));
      g_assert_cmpint (at, >=, previous);
      previous = at;
      g_assert_nonnull (strstr (json_object_get_string_member (entry, "receivedAt"), "."));  /* milliseconds */
    }

  /* the token requests: the secret hidden, right or wrong */
  for (i = 0; i < 2; i++)
    {
      entry = json_array_get_object_element (log, i);
      g_assert_cmpstr (json_object_get_string_member (entry, "method"), ==, "POST");
      g_assert_cmpstr (json_object_get_string_member (entry, "path"), ==, CISCO_TOKEN);
      g_assert_nonnull (strstr (json_object_get_string_member (entry, "body"), "client_secret=(hidden)"));
      g_assert_nonnull (strstr (json_object_get_string_member (entry, "body"), "client_id=trainee"));
      g_assert_null (strstr (json_object_get_string_member (entry, "body"), "wrong-secret"));
      g_assert_null (strstr (json_object_get_string_member (entry, "body"), SA_SANDBOX_TRAINING_PASSWORD));
    }
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (log, 0), "status"), ==, 401);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (log, 1), "status"), ==, 200);

  entry = json_array_get_object_element (log, 2);
  g_assert_cmpstr (json_object_get_string_member (entry, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (entry, "path"), ==, SAL "/v1/accounts/search");
  g_assert_cmpstr (json_object_get_string_member (entry, "query"), ==, "domain=acme&limit=5");
  g_assert_true (json_object_get_null_member (entry, "body"));
  g_assert_cmpint (json_object_get_int_member (entry, "status"), ==, 429);

  entry = json_array_get_object_element (log, 3);
  g_assert_cmpstr (json_object_get_string_member (entry, "query"), ==, "limit=100&offset=0");
  g_assert_cmpstr (json_object_get_string_member (entry, "body"), ==, "{\"limit\": 100}");
  g_assert_cmpint (json_object_get_int_member (entry, "status"), ==, 200);
  entry = json_array_get_object_element (log, 4);
  g_assert_cmpstr (json_object_get_string_member (entry, "path"), ==, CCW_ORDER);
  g_assert_nonnull (strstr (json_object_get_string_member (entry, "body"), "SalesOrderReference"));

  cleared = sbt_fixture_call (f, "DELETE", "/sandbox/cisco-requests", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (sct_log (f, &holder)), ==, 0);

  /* the last 200 are kept */
  for (i = 0; i < 205; i++)
    sct_get (f, token, V2, &reply);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (sct_log (f, &holder)), ==, 200);
}

static void
test_faults_per_user (SbtFixture    *f,
                      gconstpointer  data)
{
  g_autoptr(SaSandboxServer) trainer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = sct_sign_in (f);
  g_autofree char *theirs = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_auto(SctReply) reply = { 0 };

  trainer = sa_sandbox_server_new (f->dir, &error);
  g_assert_no_error (error);
  g_assert_true (sa_sandbox_server_add_trainee (trainer, "marco", "Marco-s3cret-pw", &error));
  g_assert_no_error (error);
  theirs = sct_token (f, "marco", "Marco-s3cret-pw");

  sct_add_fault (f, "{\"fault\": \"html-403\", \"count\": 0}");
  sct_get (f, theirs, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  sct_get (f, mine, V2, &reply);
  g_assert_cmpuint (reply.status, ==, 403);

  /* and their requests are not in the trainee's log */
  g_assert_cmpuint (json_array_get_length (sct_log (f, &holder)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("cisco/faults/invalid-client", test_fault_invalid_client);
  SBT_ADD ("cisco/faults/access-not-approved", test_fault_access_not_approved);
  SBT_ADD ("cisco/faults/rate-limited", test_fault_rate_limited);
  SBT_ADD ("cisco/faults/html-403", test_fault_html_403);
  SBT_ADD ("cisco/faults/invalid-token", test_fault_invalid_token);
  SBT_ADD ("cisco/faults/no-roles", test_fault_no_roles);
  SBT_ADD ("cisco/faults/osa001", test_fault_osa001);
  SBT_ADD ("cisco/faults/non-utf8", test_fault_non_utf8);
  SBT_ADD ("cisco/faults/slow", test_fault_slow);
  SBT_ADD ("cisco/faults/queue", test_fault_queue);
  SBT_ADD ("cisco/faults/put", test_fault_put);
  SBT_ADD ("cisco/faults/controls-refused", test_fault_controls_refused);
  SBT_ADD ("cisco/faults/request-log", test_request_log);
  SBT_ADD ("cisco/faults/per-user", test_faults_per_user);

  return g_test_run ();
}
