/* test-sandbox-licenses.c — the license model over loopback: order lines in
 * the Desk API's Order, and the rule of the troubleshooting sections for
 * licenses: deposited with the order number when the order ships to an
 * Active End Customer Smart Account without export hold; a Pending account's
 * when it is accepted; none for a Holding-only order (until reassigned before
 * shipment) or on export hold; the training data's own; reset; and the
 * migration of a database of version 2 that keeps the trainee's work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <sqlite3.h>

#include "sandbox-cisco-test-util.h"

static void
ship (SbtFixture *f,
      const char *number)
{
  g_autofree char *path = g_strdup_printf ("/sandbox/orders/%s/ship", number);
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = sbt_fixture_call (f, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (node, "status"), ==, "SHIPPED");
}

static void
test_order_lines (SbtFixture    *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) order = NULL;
  g_autoptr(JsonNode) all = NULL;
  JsonArray *lines, *orders;
  JsonObject *line;
  guint i;

  lines = json_object_get_array_member (sbt_get_order (f, ORDER_UNASSIGNED, &order), "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 2);
  line = json_array_get_object_element (lines, 0);
  g_assert_cmpuint (json_object_get_size (line), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (line, "lineNumber"), ==, "1.0");
  g_assert_cmpstr (json_object_get_string_member (line, "product"), ==, "C9300-48P-A");
  g_assert_cmpstr (json_object_get_string_member (line, "description"), ==,
                   "Catalyst 9300 48-port PoE+, Network Advantage");
  g_assert_cmpint (json_object_get_int_member (line, "quantity"), ==, 1);
  g_assert_true (json_object_get_null_member (line, "licenseSku"));
  line = json_array_get_object_element (lines, 1);
  g_assert_cmpstr (json_object_get_string_member (line, "lineNumber"), ==, "1.1");
  g_assert_cmpstr (json_object_get_string_member (line, "licenseSku"), ==, "C9300-DNA-A-48-3Y");

  /* every order has lines, in the list too, in order */
  orders = sbt_get_list (f, "/v1/orders?limit=100", "orders", &all);
  g_assert_cmpuint (json_array_get_length (orders), ==, N_VISIBLE_ORDERS);
  for (i = 0; i < json_array_get_length (orders); i++)
    {
      JsonArray *order_lines = json_object_get_array_member (json_array_get_object_element (orders, i), "lines");
      guint j;

      g_assert_cmpuint (json_array_get_length (order_lines), >=, 1);
      for (j = 1; j < json_array_get_length (order_lines); j++)
        g_assert_cmpint (strcmp (json_object_get_string_member (json_array_get_object_element (order_lines, j - 1),
                                                                "lineNumber"),
                                 json_object_get_string_member (json_array_get_object_element (order_lines, j),
                                                                "lineNumber")), <, 0);
    }
}

/* The training data's deposits: shipped to an Active End Customer account
 * without export hold, and nothing else. */
static void
test_training_deposits (SbtFixture    *f,
                        gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autofree char *va = NULL;

  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_SHIPPED_DEPOSITED, &va), ==, 12);
  g_assert_cmpstr (va, ==, "Production");
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_KESTREL, "104857624", NULL), ==, 24);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_NORTHWIND, "104857627", NULL), ==, 4);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_OTHER_SHIPPED, NULL), ==, 2);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_NORTHWIND, ORDER_SHIPPED_HOLDING, NULL), ==, 0);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_CLINIQUE, ORDER_SHIPPED_HOLD, NULL), ==, 0);
  /* orders not shipped: nothing yet */
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_ASSIGNED, NULL), ==, 0);
}

/* An order ships: its licenses land in its End Customer Virtual Account,
 * with the order number, starting on the sandbox clock's day; once. */
static void
test_ship_deposits (SbtFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autofree char *va = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  JsonObject *license, *detail;

  sbt_advance_clock (f, 10);
  now = g_date_time_new_from_unix_utc (sbt_clock_now (f));
  today = g_date_time_format (now, "%Y-%m-%d");

  ship (f, ORDER_ASSIGNED);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_ASSIGNED, &va), ==, 150);
  g_assert_cmpstr (va, ==, "DEFAULT");
  license = sct_find_license (sct_licenses (f, token, DOMAIN_ACME, &holder), "DEFAULT", "Webex Calling Professional");
  g_assert_nonnull (license);
  detail = json_array_get_object_element (json_object_get_array_member (license, "licenseDetails"), 0);
  g_assert_cmpstr (json_object_get_string_member (detail, "orderNumber"), ==, ORDER_ASSIGNED);
  g_assert_cmpstr (json_object_get_string_member (detail, "licenseSku"), ==, "A-FLEX-PROF-CALL-3Y");
  g_assert_cmpstr (json_object_get_string_member (detail, "startDate"), ==, today);

  /* shipping again deposits nothing more */
  ship (f, ORDER_ASSIGNED);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_ASSIGNED, NULL), ==, 150);

  /* a reset takes them back with the rest */
  {
    g_autoptr(JsonNode) reset = NULL;
    guint status;

    reset = sbt_fixture_call (f, "POST", "/sandbox/reset", NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_ASSIGNED, NULL), ==, 0);
    g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_SHIPPED_DEPOSITED, NULL), ==, 12);
  }
}

/* A Pending End Customer account gets the licenses when it becomes Active. */
static void
test_pending_on_accept (SbtFixture    *f,
                        gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autofree char *va = NULL;
  g_autoptr(JsonNode) accepted = NULL;
  guint status;

  ship (f, ORDER_PENDING_ACCOUNT);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_DELORME, ORDER_PENDING_ACCOUNT, NULL), ==, 0);

  accepted = sbt_fixture_call (f, "POST", "/sandbox/account-requests/" AR_DELORME "/accept", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_DELORME, ORDER_PENDING_ACCOUNT, &va), ==, 15);
  g_assert_cmpstr (va, ==, "DEFAULT");
}

/* A Holding account provisions nothing; reassigned to an End Customer
 * account before shipment, the order delivers. */
static void
test_holding_only (SbtFixture    *f,
                   gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autofree char *va = NULL;
  g_autoptr(JsonNode) assigned = NULL;
  guint status;

  ship (f, ORDER_HOLDING_ONLY);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_NORTHWIND, ORDER_HOLDING_ONLY, NULL), ==, 0);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_HOLDING_ONLY, NULL), ==, 0);

  assigned = sbt_put_assignment (f, "104857613", "\"2\"",
                                 "{" EC (DOMAIN_KESTREL, "Warehouses") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_KESTREL, "104857613", NULL), ==, 0);
  ship (f, "104857613");
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_KESTREL, "104857613", &va), ==, 250);
  g_assert_cmpstr (va, ==, "Warehouses");
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_NORTHWIND, "104857613", NULL), ==, 0);
}

/* Export hold: nothing, shipped or not; nor for an order shipped without an
 * account. */
static void
test_export_hold (SbtFixture    *f,
                  gconstpointer  data)
{
  g_autofree char *token = sct_sign_in (f);
  g_autoptr(JsonNode) assigned = NULL;
  guint status;

  assigned = sbt_put_assignment (f, ORDER_EXPORT_HOLD, "\"1\"",
                                 "{" EC (DOMAIN_CLINIQUE, "DEFAULT") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  ship (f, ORDER_EXPORT_HOLD);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_CLINIQUE, ORDER_EXPORT_HOLD, NULL), ==, 0);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_CLINIQUE, ORDER_SHIPPED_HOLD, NULL), ==, 0);

  ship (f, ORDER_UNASSIGNED);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_UNASSIGNED, NULL), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Migration                                                                 */

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
user_version (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "sandbox.sqlite", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

/* A database of version 2 (before the license model), with the trainee's
 * work in it: after the upgrade their work is there, and the model too. */
static void
test_migration (SbtFixture    *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) trattoria = sbt_create_trattoria (f);
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) order = NULL;
  g_auto(SctReply) reply = { 0 };
  sqlite3 *db = NULL;

  ship (f, ORDER_ASSIGNED);
  g_clear_object (&f->sandbox);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "DROP TABLE licenses; DROP TABLE order_lines; DROP TABLE account_roles;"
                "ALTER TABLE orders DROP COLUMN licenses_deposited; PRAGMA user_version = 2");
  sqlite3_close (db);
  g_assert_cmpint (user_version (f->dir), ==, 2);

  sbt_fixture_start (f);
  g_assert_cmpint (user_version (f->dir), ==, 5); /* the current version */

  /* the trainee's work stays */
  g_assert_cmpuint (sbt_count_list (f, "/v1/account-requests", "accountRequests"), ==, N_ACCOUNT_REQUESTS + 1);
  g_assert_cmpstr (json_object_get_string_member (sbt_get_order (f, ORDER_ASSIGNED, &order), "status"), ==,
                   "SHIPPED");
  /* and the license model is there: lines, roles, licenses, those of the
   * order they shipped */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (order), "lines")),
                    ==, 1);
  token = sct_sign_in (f);
  sct_get (f, token, SAL "/v2/accounts", &reply);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (reply.json),
                                                                         "accounts")), ==, N_ROLE_ACCOUNTS);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_ASSIGNED, NULL), ==, 150);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_SHIPPED_DEPOSITED, NULL), ==, 12);
  g_assert_cmpuint (json_array_get_length (sct_licenses (f, token, DOMAIN_NORTHWIND, &holder)), ==,
                    N_NFR_LICENSES + 1);

  /* opened again: nothing twice */
  g_clear_object (&f->sandbox);
  sbt_fixture_start (f);
  g_clear_pointer (&token, g_free);
  token = sct_sign_in (f);
  g_assert_cmpint (sct_order_quantity (f, token, DOMAIN_ACME, ORDER_ASSIGNED, NULL), ==, 150);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (sct_licenses (f, token, DOMAIN_NORTHWIND, &holder)), ==,
                    N_NFR_LICENSES + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("licenses/order-lines", test_order_lines);
  SBT_ADD ("licenses/training-deposits", test_training_deposits);
  SBT_ADD ("licenses/ship", test_ship_deposits);
  SBT_ADD ("licenses/pending-on-accept", test_pending_on_accept);
  SBT_ADD ("licenses/holding-only", test_holding_only);
  SBT_ADD ("licenses/export-hold", test_export_hold);
  SBT_ADD ("licenses/migration", test_migration);

  return g_test_run ();
}
