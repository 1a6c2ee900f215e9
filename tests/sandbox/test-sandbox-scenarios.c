/* test-sandbox-scenarios.c — training scenarios over loopback: every
 * scenario file valid (the schema check), each scenario started, its goal
 * reached through the API and detected on the server's state, a wrong path
 * not counted, restarts and attempts, and the class as a trainer sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sandbox-test-util.h"
#include "sandbox-cisco-test-util.h"

#include "sa-sandbox-db.h"
#include "sa-sandbox-scenarios.h"

#define N_SCENARIOS 10

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

/* A second connection to the fixture's database. */
static sqlite3 *
open_db (SbtFixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  sa_sandbox_db_open (path, &db, &error);
  g_assert_no_error (error);

  return db;
}

/* The caller's scenario @id (owned by *holder). */
static JsonObject *
get_scenario (SbtFixture  *f,
              const char  *id,
              JsonNode   **holder)
{
  g_autofree char *path = g_strconcat ("/sandbox/scenarios/", id, NULL);
  guint status;

  g_clear_pointer (holder, json_node_unref);
  *holder = sbt_fixture_call (f, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  return json_node_get_object (*holder);
}

static const char *
status_of (SbtFixture *f,
           const char *id)
{
  static char status[32];
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *scenario = get_scenario (f, id, &holder);

  g_strlcpy (status, json_object_get_string_member (scenario, "status"), sizeof status);
  return status;
}

static void
start (SbtFixture *f,
       const char *id)
{
  g_autofree char *path = g_strconcat ("/sandbox/scenarios/", id, "/start", NULL);
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = sbt_fixture_call (f, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (node, "status"), ==, "STARTED");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "current"));
  g_assert_cmpstr (status_of (f, id), ==, "STARTED");
}

/* PUTs @json on order @number at its current version; asserts @expected. */
static void
assign (SbtFixture *f,
        const char *number,
        const char *json,
        guint       expected)
{
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", sbt_order_version (f, number));
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = sbt_put_assignment (f, number, etag, json, &status);
  g_assert_cmpuint (status, ==, expected);
}

static void
post_ok (SbtFixture *f,
         const char *path,
         const char *body,
         guint       expected)
{
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = sbt_fixture_call (f, "POST", path, body, &status);
  g_assert_cmpuint (status, ==, expected);
}

static gint64
count_licenses (SbtFixture *f,
                const char *number,
                const char *account_id)
{
  sqlite3 *db = open_db (f);
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  sa_sandbox_db_query_row (db, &row, &error,
                           "SELECT count(*) FROM licenses WHERE tenant = 'trainee' AND order_number = ?1"
                           " AND account_id = ?2", "tt", number, account_id);
  g_assert_no_error (error);
  n = sqlite3_column_int64 (row, 0);
  g_clear_pointer (&row, sqlite3_finalize);
  sqlite3_close_v2 (db);

  return n;
}

/* ------------------------------------------------------------------------ */
/* The files                                                                 */

static void
assert_file_refused (sqlite3    *db,
                     const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSandboxScenario) scenario = sa_sandbox_scenario_parse ("bad.scenario", bytes, &error);

  g_test_message ("%s", text);
  if (scenario != NULL)
    sa_sandbox_scenario_check_sql (scenario, db, &error);
  g_assert_nonnull (error);
}

#define GOOD_HEAD "[Scenario]\nId=x\nName=N\nGoal=G\nPraise=P\nDocuments=D\n"
#define GOOD_CHECK "Check=SELECT EXISTS (SELECT 1 FROM orders WHERE tenant = ?1)\n"

static void
test_files (SbtFixture    *f,
            gconstpointer  data)
{
  const char *dir = g_getenv ("SA_SCENARIOS_DIR");
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = open_db (f);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  folder = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SaSandboxScenario) scenario = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".scenario.desktop.in"))
        continue;
      g_test_message ("%s", name);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      scenario = sa_sandbox_scenario_parse (name, bytes, &error);
      g_assert_no_error (error);
      sa_sandbox_scenario_check_sql (scenario, db, &error);
      g_assert_no_error (error);
      g_assert_true (g_hash_table_add (ids, g_strdup (scenario->id)));
      n++;
    }
  g_assert_cmpuint (n, ==, N_SCENARIOS);

  /* every file is built in (sa-sandbox.gresource.xml) */
  loaded = sa_sandbox_scenarios_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, n);

  /* what the check refuses */
  assert_file_refused (db, "");
  assert_file_refused (db, "[Other]\nId=x\n");
  assert_file_refused (db, GOOD_HEAD);                                  /* no Check */
  assert_file_refused (db, GOOD_HEAD GOOD_CHECK "Colour=red\n");        /* unknown key */
  assert_file_refused (db, GOOD_HEAD GOOD_CHECK "Check[fr]=x\n");       /* translated SQL */
  assert_file_refused (db, GOOD_HEAD GOOD_CHECK "Procedure=5\n");
  assert_file_refused (db, GOOD_HEAD GOOD_CHECK "Connection=cisco\n");
  assert_file_refused (db, "[Scenario]\nId=Bad Id\nName=N\nGoal=G\nPraise=P\nDocuments=D\n" GOOD_CHECK);
  assert_file_refused (db, "[Scenario]\nId=x\nName=N\nGoal=\nPraise=P\nDocuments=D\n" GOOD_CHECK);
  assert_file_refused (db, GOOD_HEAD "Check=DELETE FROM orders WHERE tenant = ?1\n");
  assert_file_refused (db, GOOD_HEAD "Check=SELECT 1 FROM orders\n");   /* not the trainee's */
  assert_file_refused (db, GOOD_HEAD "Check=SELECT 1 FROM nowhere WHERE tenant = ?1\n");
  assert_file_refused (db, GOOD_HEAD "Check=SELECT ?1; SELECT 2\n");
  assert_file_refused (db, GOOD_HEAD GOOD_CHECK "Setup=UPDATE users SET password_hash = '' WHERE tenant = ?1\n");
  assert_file_refused (db, GOOD_HEAD GOOD_CHECK "Setup=DELETE FROM scenario_progress WHERE username = ?1\n");
  assert_file_refused (db, GOOD_HEAD GOOD_CHECK "Setup=UPDATE orders SET export_hold = 1\n");
  assert_file_refused (db, GOOD_HEAD GOOD_CHECK "Setup=DROP TABLE orders\n");

  sqlite3_close_v2 (db);
}

/* A trainer's own file in DATA/scenarios, with its own translation. */
static void
test_own_file (SbtFixture    *f,
               gconstpointer  data)
{
  g_autofree char *own = g_build_filename (f->dir, "scenarios", NULL);
  g_autofree char *file = g_build_filename (own, "mine.scenario", NULL);
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *mine;
  guint status;

  g_mkdir_with_parents (own, 0700);
  g_file_set_contents (file, "[Scenario]\nId=mine\nPosition=1\nName=Mine\nName[fr]=La mienne\nGoal=G\n"
                       "Praise=P\nDocuments=D\n" GOOD_CHECK, -1, &error);
  g_assert_no_error (error);

  list = sbt_fixture_call (f, "GET", "/sandbox/scenarios", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (list), "totalRecords"), ==, N_SCENARIOS + 1);
  mine = json_array_get_object_element (json_object_get_array_member (json_node_get_object (list), "scenarios"), 0);
  g_assert_cmpstr (json_object_get_string_member (mine, "id"), ==, "mine");
  g_assert_cmpstr (json_object_get_string_member (mine, "status"), ==, "NOT_STARTED");

  holder = sbt_fixture_call (f, "GET", "/sandbox/scenarios/mine?lang=fr", NULL, &status);
  g_assert_cmpstr (sbt_get_string (holder, "name"), ==, "La mienne");
  post_ok (f, "/sandbox/scenarios/mine/start", NULL, 200);
  g_assert_cmpstr (status_of (f, "mine"), ==, "COMPLETED"); /* its goal holds at once */

  /* a broken file is reported, not skipped */
  g_file_set_contents (file, "[Scenario]\nId=mine\n", -1, &error);
  g_assert_no_error (error);
  g_assert_null (sa_sandbox_scenarios_load (f->dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* ------------------------------------------------------------------------ */
/* The scenarios, each: started, a wrong path not counted, the right one      */

static void
test_list (SbtFixture    *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  JsonArray *scenarios;
  guint status, i;

  list = sbt_fixture_call (f, "GET", "/sandbox/scenarios", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  scenarios = json_object_get_array_member (json_node_get_object (list), "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, N_SCENARIOS);
  for (i = 0; i < N_SCENARIOS; i++)
    {
      JsonObject *s = json_array_get_object_element (scenarios, i);

      g_assert_cmpstr (json_object_get_string_member (s, "status"), ==, "NOT_STARTED");
      g_assert_cmpint (json_object_get_int_member (s, "attempts"), ==, 0);
      g_assert_true (json_node_is_null (json_object_get_member (s, "startedAt")));
      g_assert_true (json_node_is_null (json_object_get_member (s, "completedAt")));
      g_assert_nonnull (json_object_get_string_member (s, "goal"));
      g_assert_nonnull (json_object_get_string_member (s, "praise"));
      g_assert_nonnull (json_object_get_string_member (s, "documents"));
    }

  sbt_assert_refused (f, "GET", "/sandbox/scenarios/nope", NULL, 404, "NOT_FOUND");
  sbt_assert_refused (f, "POST", "/sandbox/scenarios/nope/start", NULL, 404, "NOT_FOUND");
}

static void
test_assign_new_order (SbtFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *s;

  start (f, "assign-new-order");
  assign (f, "104857601", "{" EC ("boulangeries-delorme.example", "DEFAULT") ", " TERMS "}", 200);
  g_assert_cmpstr (status_of (f, "assign-new-order"), ==, "STARTED"); /* the wrong account */
  assign (f, "104857601", "{" EC ("acme-industrie.fr", "Production") ", " TERMS "}", 200);
  s = get_scenario (f, "assign-new-order", &holder);
  g_assert_cmpstr (json_object_get_string_member (s, "status"), ==, "COMPLETED");
  g_assert_nonnull (json_object_get_string_member (s, "completedAt"));
  g_assert_cmpint (json_object_get_int_member (s, "attempts"), ==, 1);

  /* a restart: the order as new again, one more attempt */
  start (f, "assign-new-order");
  g_assert_cmpint (sbt_order_version (f, "104857601"), ==, 1);
  s = get_scenario (f, "assign-new-order", &holder);
  g_assert_cmpint (json_object_get_int_member (s, "attempts"), ==, 2);
  g_assert_true (json_node_is_null (json_object_get_member (s, "completedAt")));

  /* another scenario becomes the current one */
  start (f, "japanese-virtual-account");
  s = get_scenario (f, "assign-new-order", &holder);
  g_assert_false (json_object_get_boolean_member (s, "current"));
}

static void
test_holding_to_end_customer (SbtFixture    *f,
                              gconstpointer  data)
{
  start (f, "holding-to-end-customer");
  assign (f, ORDER_HOLDING_ONLY, "{" EC ("ferrovie-toscane.example", "DEFAULT") ", " TERMS "}", 200);
  g_assert_cmpstr (status_of (f, "holding-to-end-customer"), ==, "STARTED");
  assign (f, ORDER_HOLDING_ONLY, "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", 200);
  g_assert_cmpstr (status_of (f, "holding-to-end-customer"), ==, "COMPLETED");
}

static void
test_shipped_order_route (SbtFixture    *f,
                          gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_auto(SctReply) reply = { 0 };

  start (f, "shipped-order-route");
  /* the assignment of a shipped order does not change */
  assign (f, ORDER_SHIPPED, "{" EC ("acme-industrie.fr", "Laboratoire") ", " TERMS "}", 409);
  g_assert_cmpstr (status_of (f, "shipped-order-route"), ==, "STARTED");
  /* a transfer between Virtual Accounts does it */
  sct_post_json (f, token, SAL "/v1/accounts/acme-industrie.fr/virtual-accounts/Production/licenses/transfer",
                 "{\"licenses\": [{\"license\": \"C9300 DNA Essentials, 24 Port\", \"licenseType\": \"TERM\","
                 " \"quantity\": 6, \"targetVirtualAccount\": \"Laboratoire\"}]}", &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_cmpstr (status_of (f, "shipped-order-route"), ==, "COMPLETED");
}

static void
test_pending_account (SbtFixture    *f,
                      gconstpointer  data)
{
  start (f, "pending-account");
  assign (f, ORDER_UNASSIGNED_2, "{" EC ("boulangeries-delorme.example", "Magasins") ", " TERMS "}", 200);
  post_ok (f, "/sandbox/orders/" ORDER_UNASSIGNED_2 "/ship", NULL, 200);
  g_assert_cmpint (count_licenses (f, ORDER_UNASSIGNED_2, "SA-100004"), ==, 0);
  g_assert_cmpstr (status_of (f, "pending-account"), ==, "STARTED"); /* still Pending */
  post_ok (f, "/sandbox/account-requests/AR-000001/accept", NULL, 200);
  g_assert_cmpint (count_licenses (f, ORDER_UNASSIGNED_2, "SA-100004"), >, 0);
  g_assert_cmpstr (status_of (f, "pending-account"), ==, "COMPLETED");
}

static void
test_japanese_virtual_account (SbtFixture    *f,
                               gconstpointer  data)
{
  start (f, "japanese-virtual-account");
  assign (f, "104857609", "{" EC ("sakura-trading.example", "DEFAULT") ", " TERMS "}", 200);
  g_assert_cmpstr (status_of (f, "japanese-virtual-account"), ==, "STARTED"); /* the portal's workaround */
  assign (f, "104857609", "{" EC ("sakura-trading.example", "東京オフィス") ", " TERMS "}", 200);
  g_assert_cmpstr (status_of (f, "japanese-virtual-account"), ==, "COMPLETED");
}

/* The export hold shown and diagnosed: set by the scenario, released by
 * the trainer's control, and the licenses arrive. */
static void
test_missing_licenses_export_hold (SbtFixture    *f,
                                   gconstpointer  data)
{
  g_autoptr(JsonNode) order = NULL;
  JsonObject *o;

  start (f, "missing-licenses-export-hold");
  o = sbt_get_order (f, ORDER_EXPORT_HOLD, &order);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "SHIPPED");
  g_assert_true (json_object_get_boolean_member (o, "exportHold"));
  g_assert_cmpint (count_licenses (f, ORDER_EXPORT_HOLD, "SA-100009"), ==, 0);
  post_ok (f, "/sandbox/orders/" ORDER_EXPORT_HOLD "/ship", NULL, 200);
  g_assert_cmpstr (status_of (f, "missing-licenses-export-hold"), ==, "STARTED");
  post_ok (f, "/sandbox/orders/" ORDER_EXPORT_HOLD "/export-hold", "{\"exportHold\": false}", 200);
  g_assert_cmpint (count_licenses (f, ORDER_EXPORT_HOLD, "SA-100009"), >, 0);
  g_assert_cmpstr (status_of (f, "missing-licenses-export-hold"), ==, "COMPLETED");
}

static char *
first_serial (SbtFixture *f,
              const char *number)
{
  g_autofree char *path = g_strconcat ("/sandbox/orders/", number, "/serial-numbers", NULL);
  g_autoptr(JsonNode) holder = NULL;
  JsonArray *serials = sbt_get_list (f, path, "serialNumbers", &holder);

  g_assert_cmpuint (json_array_get_length (serials), >, 0);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (serials, 0), "serialNumber"));
}

static void
test_shipped_on_holding_device (SbtFixture    *f,
                                gconstpointer  data)
{
  g_autofree char *serial = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;

  start (f, "shipped-on-holding-device");
  serial = first_serial (f, "104857616");
  assign (f, "104857616", "{" EC ("clinique-saint-roch.example", "DEFAULT") ", " TERMS "}", 409);
  /* registered to the wrong customer: the order goes there, not counted */
  wrong = g_strdup_printf ("{\"serialNumber\": \"%s\", \"domain\": \"kestrel-logistics.example\"}", serial);
  post_ok (f, "/sandbox/devices", wrong, 201);
  g_assert_cmpstr (status_of (f, "shipped-on-holding-device"), ==, "STARTED");

  /* restarted, then right */
  start (f, "shipped-on-holding-device");
  right = g_strdup_printf ("{\"serialNumber\": \"%s\", \"domain\": \"clinique-saint-roch.example\"}", serial);
  post_ok (f, "/sandbox/devices", right, 201);
  g_assert_cmpstr (status_of (f, "shipped-on-holding-device"), ==, "COMPLETED");
}

static void
test_account_request_expiry (SbtFixture    *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) request = NULL;

  start (f, "account-request-expiry");
  sbt_advance_clock (f, 100); /* the training data's own requests expire: not counted */
  g_assert_cmpstr (status_of (f, "account-request-expiry"), ==, "STARTED");
  request = sbt_create_trattoria (f);
  sbt_advance_clock (f, 89);
  g_assert_cmpstr (status_of (f, "account-request-expiry"), ==, "STARTED");
  sbt_advance_clock (f, 2);
  g_assert_cmpstr (status_of (f, "account-request-expiry"), ==, "COMPLETED");
}

static void
test_shared_domain_access (SbtFixture    *f,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) request = NULL;
  g_autofree char *path = NULL;
  guint status;

  start (f, "shared-domain-access");
  post_ok (f, "/v1/access-requests/" XR_PENDING "/reminders", NULL, 200); /* an old request */
  g_assert_cmpstr (status_of (f, "shared-domain-access"), ==, "STARTED");
  request = sbt_request_access (f, DOMAIN_SHARED_RESTRICTED, ID_HEXAGONE_CUSTOMER, &status);
  g_assert_cmpuint (status, ==, 201);
  g_assert_cmpstr (status_of (f, "shared-domain-access"), ==, "STARTED");
  path = g_strconcat ("/v1/access-requests/", sbt_get_string (request, "id"), "/reminders", NULL);
  post_ok (f, path, NULL, 200);
  g_assert_cmpstr (status_of (f, "shared-domain-access"), ==, "COMPLETED");
}

static void
test_cisco_hand_off (SbtFixture    *f,
                     gconstpointer  data)
{
  start (f, "cisco-hand-off");
  assign (f, "104857608", "{" EC ("hotel-belle-rive.example", "Wi-Fi clients") ", " TERMS "}", 200);
  g_assert_cmpstr (status_of (f, "cisco-hand-off"), ==, "COMPLETED");
}

/* ------------------------------------------------------------------------ */
/* Devices and export holds                                                   */

static void
test_devices (SbtFixture    *f,
              gconstpointer  data)
{
  g_autofree char *serial = first_serial (f, ORDER_HOLDING_ONLY);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) order = NULL;
  gint64 version = sbt_order_version (f, ORDER_HOLDING_ONLY);
  JsonObject *o;
  guint status;

  g_assert_true (g_str_has_prefix (serial, "FCW857611"));
  sbt_assert_refused (f, "GET", "/sandbox/orders/" ORDER_MISSING "/serial-numbers", NULL, 404, "ORDER_NOT_FOUND");
  sbt_assert_refused (f, "GET", "/sandbox/orders/" ORDER_OTHER_PARTNER "/serial-numbers", NULL, 403,
                      "NOT_AUTHORIZED");

  /* shipped on the Holding account only: no licenses */
  post_ok (f, "/sandbox/orders/" ORDER_HOLDING_ONLY "/ship", NULL, 200);
  g_assert_cmpint (count_licenses (f, ORDER_HOLDING_ONLY, "SA-100001"), ==, 0);

  /* refusals */
  sbt_assert_refused (f, "POST", "/sandbox/devices", "{\"serialNumber\": \"FCW00000001\", \"domain\": \"acme-industrie.fr\"}",
                      422, "VALIDATION_FAILED");
  sbt_assert_refused (f, "POST", "/sandbox/devices", "{\"domain\": \"acme-industrie.fr\"}", 400, "INVALID_REQUEST");
  body = g_strdup_printf ("{\"serialNumber\": \"%s\", \"domain\": \"nowhere.example\"}", serial);
  sbt_assert_refused (f, "POST", "/sandbox/devices", body, 404, "SMART_ACCOUNT_NOT_FOUND");
  g_free (body);
  body = g_strdup_printf ("{\"serialNumber\": \"%s\", \"domain\": \"alpes-distribution.example\"}", serial);
  sbt_assert_refused (f, "POST", "/sandbox/devices", body, 422, "WRONG_ACCOUNT_TYPE");
  g_free (body);
  body = g_strdup_printf ("{\"serialNumber\": \"%s\", \"domain\": \"acme-industrie.fr\","
                          " \"virtualAccount\": \"Nowhere\"}", serial);
  sbt_assert_refused (f, "POST", "/sandbox/devices", body, 422, "VIRTUAL_ACCOUNT_NOT_FOUND");
  g_free (body);

  /* registered: the order leaves the Holding account, its licenses follow */
  body = g_strdup_printf ("{\"serialNumber\": \"%s\", \"domain\": \"acme-industrie.fr\","
                          " \"virtualAccount\": \"Production\"}", serial);
  node = sbt_fixture_call (f, "POST", "/sandbox/devices", body, &status);
  g_assert_cmpuint (status, ==, 201);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "orderMoved"));
  g_assert_cmpstr (sbt_get_string (node, "salesOrderNumber"), ==, ORDER_HOLDING_ONLY);
  o = sbt_get_order (f, ORDER_HOLDING_ONLY, &order);
  g_assert_true (json_node_is_null (json_object_get_member (o, "holding")));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "endCustomer"), "domain"), ==,
                   "acme-industrie.fr");
  g_assert_cmpint (sbt_order_version (f, ORDER_HOLDING_ONLY), ==, version + 2);
  g_assert_cmpint (count_licenses (f, ORDER_HOLDING_ONLY, "SA-100001"), >, 0);

  /* once only */
  sbt_assert_refused (f, "POST", "/sandbox/devices", body, 409, "DUPLICATE_REQUEST");
  {
    g_autoptr(JsonNode) holder = NULL;
    JsonArray *serials = sbt_get_list (f, "/sandbox/orders/" ORDER_HOLDING_ONLY "/serial-numbers",
                                       "serialNumbers", &holder);

    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (serials, 0), "registered"));
  }
}

static void
test_export_hold (SbtFixture    *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) order = NULL;
  gint64 version = sbt_order_version (f, ORDER_ASSIGNED);

  sbt_assert_refused (f, "POST", "/sandbox/orders/" ORDER_ASSIGNED "/export-hold", "{}", 400, "INVALID_REQUEST");
  sbt_assert_refused (f, "POST", "/sandbox/orders/" ORDER_ASSIGNED "/export-hold", "{\"exportHold\": 1}", 400,
                      "INVALID_REQUEST");
  sbt_assert_refused (f, "POST", "/sandbox/orders/" ORDER_OTHER_PARTNER "/export-hold",
                      "{\"exportHold\": true}", 403, "NOT_AUTHORIZED");

  post_ok (f, "/sandbox/orders/" ORDER_ASSIGNED "/export-hold", "{\"exportHold\": true}", 200);
  g_assert_true (json_object_get_boolean_member (sbt_get_order (f, ORDER_ASSIGNED, &order), "exportHold"));
  g_assert_cmpint (sbt_order_version (f, ORDER_ASSIGNED), ==, version + 1);
  post_ok (f, "/sandbox/orders/" ORDER_ASSIGNED "/ship", NULL, 200);
  g_assert_cmpint (count_licenses (f, ORDER_ASSIGNED, "SA-100001"), ==, 0);
  post_ok (f, "/sandbox/orders/" ORDER_ASSIGNED "/export-hold", "{\"exportHold\": false}", 200);
  g_assert_false (json_object_get_boolean_member (sbt_get_order (f, ORDER_ASSIGNED, &order), "exportHold"));
  g_assert_cmpint (count_licenses (f, ORDER_ASSIGNED, "SA-100001"), >, 0);

  /* a reset forgets holds and devices */
  post_ok (f, "/sandbox/reset", NULL, 200);
  g_assert_false (json_object_get_boolean_member (sbt_get_order (f, ORDER_ASSIGNED, &order), "exportHold"));
}

/* ------------------------------------------------------------------------ */
/* The class                                                                  */

static void
test_class (SbtFixture    *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  JsonArray *trainees;
  JsonObject *me, *first;
  guint status;

  /* not a trainer */
  sbt_assert_refused (f, "GET", "/sandbox/class", NULL, 403, "NOT_AUTHORIZED");
  sbt_assert_refused (f, "POST", "/sandbox/class/reset", "{\"scenario\": \"assign-new-order\"}", 403,
                      "NOT_AUTHORIZED");

  db = open_db (f);
  sa_sandbox_set_trainer (db, "trainee", TRUE, &error);
  g_assert_no_error (error);
  sqlite3_close_v2 (db);

  start (f, "assign-new-order");
  assign (f, "104857601", "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", 200);

  /* the goal is noticed when the trainer looks too */
  node = sbt_fixture_call (f, "GET", "/sandbox/class", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  trainees = json_object_get_array_member (json_node_get_object (node), "trainees");
  g_assert_cmpuint (json_array_get_length (trainees), ==, 1);
  me = json_array_get_object_element (trainees, 0);
  g_assert_cmpstr (json_object_get_string_member (me, "username"), ==, "trainee");
  g_assert_true (json_object_get_boolean_member (me, "trainer"));
  g_assert_cmpint (json_object_get_int_member (me, "completed"), ==, 1);
  first = json_array_get_object_element (json_object_get_array_member (me, "scenarios"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "assign-new-order");
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "COMPLETED");

  /* reset one trainee to a scenario's start */
  sbt_assert_refused (f, "POST", "/sandbox/class/reset", "{}", 400, "INVALID_REQUEST");
  sbt_assert_refused (f, "POST", "/sandbox/class/reset", "{\"scenario\": \"nope\"}", 404, "NOT_FOUND");
  sbt_assert_refused (f, "POST", "/sandbox/class/reset",
                      "{\"scenario\": \"assign-new-order\", \"trainee\": \"nobody\"}", 404, "NOT_FOUND");
  post_ok (f, "/sandbox/class/reset", "{\"scenario\": \"pending-account\", \"trainee\": \"trainee\"}", 200);
  g_assert_cmpstr (status_of (f, "pending-account"), ==, "STARTED");
  g_assert_cmpint (sbt_order_version (f, "104857601"), ==, 1);
  /* the whole class: trainers are left alone */
  post_ok (f, "/sandbox/class/reset", "{\"scenario\": \"assign-new-order\"}", 200);
  g_assert_cmpstr (status_of (f, "assign-new-order"), ==, "COMPLETED");
}

/* A database of version 3 (before training): the tables come, the
 * trainee's work stays. */
static void
test_migration (SbtFixture    *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  g_autofree char *serial = NULL;
  g_autofree char *body = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  assign (f, "104857601", "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", 200);
  g_clear_object (&f->sandbox);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE devices; DROP TABLE trainers; DROP TABLE scenario_progress;"
                                 "PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  sbt_fixture_start (f);
  g_assert_cmpint (sbt_order_version (f, "104857601"), ==, 2); /* kept */
  start (f, "assign-new-order");
  serial = first_serial (f, ORDER_HOLDING_ONLY);
  body = g_strdup_printf ("{\"serialNumber\": \"%s\", \"domain\": \"acme-industrie.fr\"}", serial);
  post_ok (f, "/sandbox/devices", body, 201);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 5); /* the current version */
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Runs the sandbox program on @dir with @args; its standard output. */
static char *
run_program (const char  *dir,
             const char  *input,
             int         *exit_status,
             const char  *first_arg,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("SA_SANDBOX_EXE"));
  g_ptr_array_add (args, "--data");
  g_ptr_array_add (args, (gpointer) dir);
  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  *exit_status = g_subprocess_get_exit_status (process);

  return out;
}

/* The trainer's commands: trainee add --trainer, progress (table, JSON),
 * start. */
static void
test_cli (void)
{
  g_autofree char *dir = sbt_make_dir ();
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *trainees;
  int status;

  g_free (run_program (dir, "tom-password\n", &status, "trainee", "add", "--trainer", "tom", NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (run_program (dir, "anna-password\n", &status, "trainee", "add", "anna", NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (run_program (dir, NULL, &status, "trainee", "start", "assign-new-order", "anna", NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (run_program (dir, NULL, &status, "trainee", "start", "nope", NULL));
  g_assert_cmpint (status, ==, 1);
  g_free (run_program (dir, NULL, &status, "trainee", "progress", "extra", NULL));
  g_assert_cmpint (status, ==, 2);

  /* the table: a row per scenario started, a row for who started none */
  out = run_program (dir, NULL, &status, "trainee", "progress", NULL);
  g_assert_cmpint (status, ==, 0);
  g_test_message ("%s", out);
  g_assert_true (g_str_has_prefix (out, "TRAINEE"));
  g_assert_nonnull (strstr (out, "\nanna                 assign-new-order               started             1  "));
  g_assert_nonnull (strstr (out, "\ntom (trainer)        -"));
  g_clear_pointer (&out, g_free);

  /* JSON: what GET /sandbox/class answers */
  out = run_program (dir, NULL, &status, "trainee", "progress", "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  trainees = json_object_get_array_member (json_node_get_object (root), "trainees");
  g_assert_cmpuint (json_array_get_length (trainees), ==, 3); /* anna, tom, trainee */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (trainees, 0), "username"), ==,
                   "anna");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (trainees, 1), "trainer"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (trainees, 0),
                                                                         "scenarios")), ==, N_SCENARIOS);

  /* the whole class: not the trainer */
  g_free (run_program (dir, NULL, &status, "trainee", "start", "pending-account", NULL));
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = run_program (dir, NULL, &status, "trainee", "progress", NULL);
  g_assert_nonnull (strstr (out, "\nanna                 pending-account"));
  g_assert_nonnull (strstr (out, "\ntrainee              pending-account"));
  g_assert_null (strstr (out, "\ntom (trainer)        pending-account"));

  sbt_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("scenarios/files", test_files);
  SBT_ADD ("scenarios/own-file", test_own_file);
  SBT_ADD ("scenarios/list", test_list);
  SBT_ADD ("scenarios/assign-new-order", test_assign_new_order);
  SBT_ADD ("scenarios/holding-to-end-customer", test_holding_to_end_customer);
  SBT_ADD ("scenarios/shipped-order-route", test_shipped_order_route);
  SBT_ADD ("scenarios/pending-account", test_pending_account);
  SBT_ADD ("scenarios/japanese-virtual-account", test_japanese_virtual_account);
  SBT_ADD ("scenarios/missing-licenses-export-hold", test_missing_licenses_export_hold);
  SBT_ADD ("scenarios/shipped-on-holding-device", test_shipped_on_holding_device);
  SBT_ADD ("scenarios/account-request-expiry", test_account_request_expiry);
  SBT_ADD ("scenarios/shared-domain-access", test_shared_domain_access);
  SBT_ADD ("scenarios/cisco-hand-off", test_cisco_hand_off);
  SBT_ADD ("devices/register", test_devices);
  SBT_ADD ("devices/export-hold", test_export_hold);
  SBT_ADD ("scenarios/class", test_class);
  SBT_ADD ("scenarios/migration", test_migration);
  g_test_add_func ("/sandbox/scenarios/cli", test_cli);

  return g_test_run ();
}
