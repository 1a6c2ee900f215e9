/* test-sandbox-order-search.c — the order list and searches in SQL
 * (sa-sandbox-order-search.c) and the account search give what their
 * definition gives; their query plans use the indexes; keyset paging
 *
 * The definition (docs/desk-api.md): every order of the user's partner,
 * newest first (createdDate, then Sales Order No., descending), whose field
 * contains / starts with / equals the value after g_utf8_casefold() of both.
 * The test computes it itself from the database file, reading every row in
 * C as the sandbox did before its searches went into SQL, and compares it,
 * order by order, with the answers — through offset pages and through the
 * cursor — on the training data and on 2,000 generated orders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "sandbox-test-util.h"
#include "sa-sandbox-db.h"
#include "sa-sandbox-private.h"
#include "sa-sandbox-db-search.h"

#define N_GENERATED_ORDERS   2000
#define N_GENERATED_ACCOUNTS 300

static const char *const order_fields[] = { "salesOrderNumber", "webOrderId", "purchaseOrderNumber" };

/* ------------------------------------------------------------------------ */
/* The definition                                                            */

static sqlite3 *
open_db (SbtFixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  return db;
}

static gboolean
matches (const char *field,
         const char *folded,
         const char *match)
{
  g_autofree char *f = g_utf8_casefold (field, -1);

  if (g_strcmp0 (match, "prefix") == 0)
    return g_str_has_prefix (f, folded);
  if (g_strcmp0 (match, "exact") == 0)
    return strcmp (f, folded) == 0;
  return strstr (f, folded) != NULL;
}

/* The Sales Order Nos. that GET /v1/orders?searchBy=@field&value=@value
 * must list, in order; @field -1: the whole list. */
static GPtrArray *
expected_orders (SbtFixture *f,
                 int         field,
                 const char *value,
                 const char *match)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = value != NULL ? g_utf8_casefold (value, -1) : NULL;
  sqlite3 *db = open_db (f);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT sales_order_number, web_order_id, purchase_order_number"
                                       " FROM orders WHERE tenant = 'trainee' AND partner = 'NORTHWIND'"
                                       " ORDER BY created_date DESC, sales_order_number DESC",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (field < 0 || matches ((const char *) sqlite3_column_text (stmt, field), folded, match))
      g_ptr_array_add (numbers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_steal_pointer (&numbers);
}

/* The ids that GET /v1/accounts/search?@field=@value must list, in order. */
static GPtrArray *
expected_accounts (SbtFixture *f,
                   int         column,
                   const char *value)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = g_utf8_casefold (value, -1);
  sqlite3 *db = open_db (f);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, domain, name, email FROM smart_accounts"
                                       " WHERE tenant = 'trainee' AND (restricted = 0 OR id IN"
                                       " (SELECT account_id FROM access_requests WHERE tenant = 'trainee'"
                                       "  AND status = 'APPROVED'))"
                                       " ORDER BY name COLLATE NOCASE, type, rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (matches ((const char *) sqlite3_column_text (stmt, column), folded, NULL))
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_steal_pointer (&ids);
}

/* ------------------------------------------------------------------------ */
/* The answers                                                               */

/* Every page of @query (path and query, without paging) through `offset`
 * (@by_cursor FALSE) or through `after`; checks totalRecords on each page
 * and returns the Sales Order Nos. listed. */
static GPtrArray *
answered_orders (SbtFixture *f,
                 const char *query,
                 guint       limit,
                 gboolean    by_cursor,
                 gint64     *total)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  guint offset = 0;

  *total = -1;
  for (;;)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *path = NULL;
      g_autofree char *escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
      JsonObject *answer;
      JsonArray *orders;
      guint status, i;

      if (by_cursor)
        path = g_strdup_printf ("%s%slimit=%u%s%s", query, strchr (query, '?') ? "&" : "?", limit,
                                escaped != NULL ? "&after=" : "", escaped != NULL ? escaped : "");
      else
        path = g_strdup_printf ("%s%slimit=%u&offset=%u", query, strchr (query, '?') ? "&" : "?", limit,
                                offset);
      node = sbt_fixture_call (f, "GET", path, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      answer = json_node_get_object (node);
      orders = json_object_get_array_member (answer, "orders");
      if (*total < 0)
        *total = json_object_get_int_member (answer, "totalRecords");
      g_assert_cmpint (json_object_get_int_member (answer, "totalRecords"), ==, *total);
      g_assert_cmpint (json_object_get_int_member (answer, "offset"), ==, numbers->len);
      g_assert_cmpint (json_object_get_int_member (answer, "limit"), ==, limit);
      for (i = 0; i < json_array_get_length (orders); i++)
        g_ptr_array_add (numbers, g_strdup (json_object_get_string_member (json_array_get_object_element (orders, i),
                                                                           "salesOrderNumber")));
      offset += limit;

      g_clear_pointer (&cursor, g_free);
      if (!json_object_get_null_member (answer, "nextCursor"))
        cursor = g_strdup (json_object_get_string_member (answer, "nextCursor"));
      /* a cursor exactly when more orders follow */
      g_assert_cmpuint (cursor != NULL, ==, numbers->len < (guint64) *total);
      if (json_array_get_length (orders) < limit || (by_cursor && cursor == NULL) ||
          (!by_cursor && offset >= (guint64) *total))
        break;
    }

  return g_steal_pointer (&numbers);
}

static void
assert_same (GPtrArray  *expected,
             GPtrArray  *answered,
             const char *what)
{
  guint i;

  if (expected->len != answered->len)
    g_error ("%s: %u expected, %u answered", what, expected->len, answered->len);
  for (i = 0; i < expected->len; i++)
    if (strcmp (expected->pdata[i], answered->pdata[i]) != 0)
      g_error ("%s: item %u: %s expected, %s answered", what, i, (char *) expected->pdata[i],
               (char *) answered->pdata[i]);
}

static void
check_order_search (SbtFixture *f,
                    int         field,
                    const char *value,
                    const char *match,
                    guint       limit)
{
  g_autoptr(GPtrArray) expected = expected_orders (f, field, value, match);
  g_autofree char *escaped = value != NULL ? g_uri_escape_string (value, NULL, FALSE) : NULL;
  g_autofree char *query = NULL;
  guint pass;

  if (field < 0)
    query = g_strdup ("/v1/orders");
  else
    query = g_strdup_printf ("/v1/orders?searchBy=%s&value=%s%s%s", order_fields[field], escaped,
                             match != NULL ? "&match=" : "", match != NULL ? match : "");

  for (pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) answered = NULL;
      gint64 total;

      answered = answered_orders (f, query, limit, pass == 1, &total);
      g_assert_cmpint (total, ==, expected->len);
      assert_same (expected, answered, query);
    }
}

/* Values of every kind: short and long, upper and lower case, accented,
 * with a quote, none found. */
static void
check_every_order_search (SbtFixture *f,
                          guint       limit)
{
  static const struct { int field; const char *value; const char *match; } searches[] = {
    { 0, "1", NULL }, { 0, "10", NULL }, { 0, "104857", NULL }, { 0, "104857617", NULL },
    { 0, "3000", NULL }, { 0, "57", NULL }, { 0, "1048576", "prefix" }, { 0, "3", "prefix" },
    { 0, "104857617", "exact" }, { 0, "10485761", "exact" }, { 0, "99999", NULL },
    { 1, "WO", NULL }, { 1, "wo7391", NULL }, { 1, "9", NULL }, { 1, "45", NULL }, { 1, "0452", NULL },
    { 1, "wo", "prefix" }, { 1, "WO73910452", "exact" }, { 1, "wo73910452", "exact" },
    { 2, "PO-", NULL }, { 2, "acme", NULL }, { 2, "CAFÉ", NULL }, { 2, "café", NULL }, { 2, "cafe", NULL },
    { 2, "STRASSE", NULL }, { 2, "straße", NULL }, { 2, "é", NULL }, { 2, "ÉCLAIR", "prefix" },
    { 2, "po-é", "prefix" }, { 2, "po-acme-2291", "exact" }, { 2, "\"x", NULL }, { 2, "zzzz", NULL },
    { 2, "-0", NULL }, { 2, "ß", NULL },
  };
  guint i;

  check_order_search (f, -1, NULL, NULL, limit);
  for (i = 0; i < G_N_ELEMENTS (searches); i++)
    check_order_search (f, searches[i].field, searches[i].value, searches[i].match, limit);
}

static void
check_account_search (SbtFixture *f,
                      const char *field,
                      int         column,
                      const char *value)
{
  g_autoptr(GPtrArray) expected = expected_accounts (f, column, value);
  g_autoptr(GPtrArray) answered = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);
  guint offset;

  for (offset = 0;; offset += 100)
    {
      g_autofree char *path = g_strdup_printf ("/v1/accounts/search?%s=%s&limit=100&offset=%u", field,
                                               escaped, offset);
      g_autoptr(JsonNode) node = NULL;
      JsonArray *accounts;
      guint status, i;

      node = sbt_fixture_call (f, "GET", path, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "totalRecords"), ==,
                       expected->len);
      accounts = json_object_get_array_member (json_node_get_object (node), "accounts");
      for (i = 0; i < json_array_get_length (accounts); i++)
        g_ptr_array_add (answered, g_strdup (json_object_get_string_member (json_array_get_object_element (accounts, i),
                                                                            "id")));
      if (offset + 100 >= expected->len)
        break;
    }
  assert_same (expected, answered, value);
}

static void
check_every_account_search (SbtFixture *f)
{
  static const struct { const char *field; int column; const char *value; } searches[] = {
    { "domain", 1, "a" }, { "domain", 1, "ex" }, { "domain", 1, "example" }, { "domain", 1, "ACME" },
    { "domain", 1, "kestrel-1" }, { "name", 2, "É" }, { "name", 2, "éclair" }, { "name", 2, "Lumière" },
    { "name", 2, "STRASSE" }, { "name", 2, "s.p.a." }, { "name", 2, "zzz" }, { "email", 3, "IT@" },
    { "email", 3, "it-12" }, { "email", 3, "@" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (searches); i++)
    check_account_search (f, searches[i].field, searches[i].column, searches[i].value);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                     */

static void
generate (SbtFixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&f->sandbox);
  g_assert_true (sa_sandbox_db_open (path, &db, &error));
  g_assert_no_error (error);
  g_assert_true (sa_sandbox_db_generate (db, 7, N_GENERATED_ORDERS, N_GENERATED_ACCOUNTS, &error));
  g_assert_no_error (error);
  sa_sandbox_db_close (db);
  sbt_fixture_start (f);
}

static void
test_training_data (SbtFixture    *f,
                    gconstpointer  data)
{
  check_every_order_search (f, 7);
  check_every_order_search (f, 100);
  check_every_account_search (f);
}

static void
test_generated_data (SbtFixture    *f,
                     gconstpointer  data)
{
  generate (f);
  check_every_order_search (f, 100);
  check_every_account_search (f);
}

/* A cursor goes without offset, and is one of the server's. */
static void
test_cursor_refused (SbtFixture    *f,
                     gconstpointer  data)
{
  static const char *const paths[] = {
    "/v1/orders?after=abc", "/v1/orders?after=", "/v1/orders?after=%2B%2B%2B",
    "/v1/orders?after=MQoxMAoyMDI2LTAxLTAxCjEyMw&offset=0", /* a valid cursor, with offset */
    "/v1/orders?after=MgoxMAoyMDI2LTAxLTAxCjEyMw",         /* version 2 */
    "/v1/orders?after=MQoxMAoyMDI2LTAxLTAxCmFiYw",         /* not a Sales Order No. */
    "/v1/orders?match=prefix", "/v1/orders?searchBy=webOrderId&value=wo&match=regex",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      guint status;

      node = sbt_fixture_call (f, "GET", paths[i], NULL, &status);
      g_assert_cmpuint (status, ==, 400);
    }
}

/* Whether a plan row reads the whole orders table ("SCAN o", "SCAN orders"). */
static gboolean
scans_orders (const char *detail)
{
  return g_str_has_prefix (detail, "SCAN ") &&
         (strcmp (detail + 5, "o") == 0 || g_str_has_prefix (detail + 5, "o ") ||
          strcmp (detail + 5, "orders") == 0 || g_str_has_prefix (detail + 5, "orders "));
}

/* Fails unless the plan of @sql reads no whole table @scans_table tells of
 * and, unless @sorted, sorts nothing; prints it otherwise. */
static void
assert_plan_walks_indexes (sqlite3     *db,
                           const char  *sql,
                           gboolean     sorted,
                           gboolean   (*scans_table) (const char *detail))
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);

      g_string_append_printf (plan, "  %s\n", detail);
      if (scans_table (detail) || (!sorted && strstr (detail, "USE TEMP B-TREE FOR ORDER BY") != NULL))
        g_error ("%s\nhas the plan\n%s", sql, plan->str);
    }
  sqlite3_finalize (stmt);
  g_test_message ("%s\n%s", sql, plan->str);
}

/* Whether the plan of a page reads each order's lines on the index of
 * order_lines (tenant, sales_order_number, line_number): in line order. */
static void
assert_lines_on_index (sqlite3    *db,
                       const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);

      if (g_str_has_prefix (detail, "SEARCH l USING ") &&
          (strstr (detail, "order_lines_order") != NULL ||
           strstr (detail, "sqlite_autoindex_order_lines_1") != NULL))
        found = TRUE;
    }
  sqlite3_finalize (stmt);
  if (!found)
    g_error ("%s\ndoes not read the lines on their index", sql);
}

/* The list and every search walk their indexes: no SCAN of the orders, no
 * sort (the variant for at most SMALL_RESULT matches sorts those only);
 * their counts are driven by the matches; a page reads its lines in the
 * same statement, on their index (a page from a search's kept matches
 * too). */
static void
test_query_plans (SbtFixture    *f,
                  gconstpointer  data)
{
  static const struct { int field; const char *value; SaSandboxMatch match; } searches[] = {
    { -1, NULL, 0 }, { 0, "104857", SA_SANDBOX_MATCH_CONTAINS }, { 0, "10", SA_SANDBOX_MATCH_CONTAINS },
    { 0, "1048", SA_SANDBOX_MATCH_PREFIX }, { 0, "104857617", SA_SANDBOX_MATCH_EXACT },
    { 1, "wo739", SA_SANDBOX_MATCH_CONTAINS }, { 1, "wo", SA_SANDBOX_MATCH_CONTAINS },
    { 1, "wo739", SA_SANDBOX_MATCH_PREFIX }, { 2, "po-acme", SA_SANDBOX_MATCH_EXACT },
    { 2, "po", SA_SANDBOX_MATCH_CONTAINS }, { 0, "7", SA_SANDBOX_MATCH_CONTAINS },
    { 2, "café", SA_SANDBOX_MATCH_PREFIX },
  };
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  guint i, cursor, small;

  generate (f);
  g_assert_true (sa_sandbox_db_open (path, &db, &error));
  for (i = 0; i < G_N_ELEMENTS (searches); i++)
    for (cursor = 0; cursor < 2; cursor++)
      for (small = 0; small < 2; small++)
        {
          SaSandboxOrderQuery query = { "trainee", "NORTHWIND", searches[i].field, searches[i].value,
                                        searches[i].match, 50, 0,
                                        cursor ? (char *) "2026-01-01" : NULL,
                                        cursor ? (char *) "104857617" : NULL };
          g_autofree char *sql = sa_sandbox_order_search_sql (&query, small);

          assert_plan_walks_indexes (db, sql, small, scans_orders);
          assert_lines_on_index (db, sql);
          if (searches[i].field >= 0 && !cursor && !small)
            {
              g_autofree char *count_sql = sa_sandbox_order_count_sql (&query);

              assert_plan_walks_indexes (db, count_sql, FALSE, scans_orders);
            }
        }
  /* a page from a search's kept matches */
  assert_plan_walks_indexes (db, sa_sandbox_order_list_page_sql (), FALSE, scans_orders);
  assert_lines_on_index (db, sa_sandbox_order_list_page_sql ());
  sa_sandbox_db_close (db);
}

/* Whether a plan row reads the whole smart_accounts table. */
static gboolean
scans_accounts (const char *detail)
{
  return g_str_has_prefix (detail, "SCAN smart_accounts") &&
         !g_str_has_prefix (detail, "SCAN smart_accounts_fts");
}

/* The account search's statements: its count and its pages, for every
 * field, found through the trigram table or walking the name index. */
static void
test_account_query_plans (SbtFixture    *f,
                          gconstpointer  data)
{
  static const char *const columns[] = { "domain", "name", "email" };
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  guint i, trigram, small;

  generate (f);
  g_assert_true (sa_sandbox_db_open (path, &db, &error));
  for (i = 0; i < G_N_ELEMENTS (columns); i++)
    for (trigram = 0; trigram < 2; trigram++)
      for (small = 0; small < 2; small++)
        {
          g_autofree char *count_sql = NULL;
          g_autofree char *sql = sa_sandbox_account_search_sql (columns[i], trigram, small, &count_sql);

          assert_plan_walks_indexes (db, sql, trigram && small, scans_accounts);
          assert_plan_walks_indexes (db, count_sql, FALSE, scans_accounts);
        }
  sa_sandbox_db_close (db);
}

/* Every order of a page of the list is the order its details give, lines
 * included (the page reads them in its own statement). */
static void
check_pages_against_details (SbtFixture *f,
                             const char *query)
{
  g_autoptr(JsonNode) page = NULL;
  JsonArray *orders;
  guint status, i;

  page = sbt_fixture_call (f, "GET", query, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  orders = json_object_get_array_member (json_node_get_object (page), "orders");
  g_assert_cmpuint (json_array_get_length (orders), >, 0);
  for (i = 0; i < json_array_get_length (orders); i++)
    {
      JsonNode *listed = json_array_get_element (orders, i);
      g_autofree char *details_path = g_strdup_printf ("/v1/orders/%s",
                                                       json_object_get_string_member (json_node_get_object (listed),
                                                                                      "salesOrderNumber"));
      g_autoptr(JsonNode) details = sbt_fixture_call (f, "GET", details_path, NULL, &status);

      g_assert_cmpuint (status, ==, 200);
      if (!json_node_equal (listed, details))
        {
          g_autofree char *a = json_to_string (listed, FALSE);
          g_autofree char *b = json_to_string (details, FALSE);

          g_error ("%s: listed\n%s\nbut its details are\n%s", query, a, b);
        }
    }
}

static void
test_pages_and_details (SbtFixture    *f,
                        gconstpointer  data)
{
  check_pages_against_details (f, "/v1/orders?limit=100");
  check_pages_against_details (f, "/v1/orders?searchBy=purchaseOrderNumber&value=po&limit=100");
  generate (f);
  check_pages_against_details (f, "/v1/orders?limit=100");
  check_pages_against_details (f, "/v1/orders?limit=100&offset=900");
  check_pages_against_details (f, "/v1/orders?limit=100&offset=1750");
  check_pages_against_details (f, "/v1/orders?searchBy=webOrderId&value=wo1&limit=100");
  check_pages_against_details (f, "/v1/orders?searchBy=salesOrderNumber&value=57&limit=100");
}

/* A search's count is kept for its next pages, but not once the data
 * change: a change committed by another connection is counted at once. */
static void
test_count_follows_changes (SbtFixture    *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  g_autoptr(GPtrArray) before = expected_orders (f, 2, "café", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autofree char *number = NULL;
  sqlite3 *db = NULL;
  guint round;

  /* every read connection keeps the count */
  for (round = 0; round < 4; round++)
    check_order_search (f, 2, "café", NULL, 7);

  g_assert_true (sa_sandbox_db_open (path, &db, &error));
  g_assert_no_error (error);
  g_assert_true (sa_sandbox_db_query_row (db, &row, &error,
                                          "SELECT sales_order_number FROM orders WHERE tenant = 'trainee'"
                                          " AND partner = 'NORTHWIND' AND purchase_order_number NOT LIKE '%caf%'"
                                          " ORDER BY sales_order_number LIMIT 1", NULL));
  g_assert_nonnull (row);
  number = g_strdup (sa_sandbox_db_text (row, 0));
  g_clear_pointer (&row, sqlite3_finalize);
  g_assert_true (sa_sandbox_db_run (db, &error,
                                    "UPDATE orders SET purchase_order_number = 'PO-CAFÉ-NEW'"
                                    " WHERE tenant = 'trainee' AND sales_order_number = ?1", "t", number));
  g_assert_no_error (error);
  sa_sandbox_db_close (db);

  {
    g_autoptr(GPtrArray) after = expected_orders (f, 2, "café", NULL);

    g_assert_cmpuint (after->len, ==, before->len + 1);
  }
  for (round = 0; round < 4; round++)
    check_order_search (f, 2, "café", NULL, 7);

  /* the kept counts of 1 and 2 digits follow a new number and a removal */
  check_order_search (f, 0, "7", NULL, 100);
  check_order_search (f, 0, "57", NULL, 100);
  g_assert_true (sa_sandbox_db_open (path, &db, &error));
  g_assert_no_error (error);
  g_assert_true (sa_sandbox_db_run (db, &error,
                                    "INSERT INTO orders (tenant, sales_order_number, web_order_id,"
                                    " purchase_order_number, status, export_hold, end_customer_name, description,"
                                    " created_date, version, partner)"
                                    " SELECT tenant, '5757575', web_order_id, purchase_order_number, status,"
                                    " export_hold, end_customer_name, description, created_date, version, partner"
                                    " FROM orders WHERE tenant = 'trainee' AND sales_order_number = ?1", "t", number));
  g_assert_no_error (error);
  /* one order goes to the other partner (out of sight), one is removed */
  g_assert_true (sa_sandbox_db_run (db, &error,
                                    "UPDATE orders SET partner = 'BLUEHARBOUR' WHERE tenant = 'trainee'"
                                    " AND sales_order_number IN (SELECT sales_order_number FROM orders"
                                    "  WHERE tenant = 'trainee' AND partner = 'NORTHWIND'"
                                    "  AND instr (sales_order_number, '57') > 0 AND sales_order_number <> '5757575'"
                                    "  ORDER BY sales_order_number LIMIT 1)", NULL));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  g_assert_true (sa_sandbox_db_run (db, &error,
                                    "DELETE FROM orders WHERE tenant = 'trainee' AND sales_order_number IN"
                                    " (SELECT sales_order_number FROM orders WHERE tenant = 'trainee'"
                                    "  AND partner = 'NORTHWIND' AND instr (sales_order_number, '7') > 0"
                                    "  AND sales_order_number <> '5757575' ORDER BY sales_order_number DESC LIMIT 1)",
                                    NULL));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sa_sandbox_db_close (db);
  check_order_search (f, 0, "7", NULL, 100);
  check_order_search (f, 0, "57", NULL, 100);
  check_order_search (f, 0, "75", NULL, 100);
  check_order_search (f, 0, "0", NULL, 100);
}

/* The order @number as the page of @path lists it (owned by *holder). */
static JsonNode *
find_listed (SbtFixture  *f,
             const char  *path,
             const char  *number,
             JsonNode   **holder)
{
  JsonArray *orders = sbt_get_list (f, path, "orders", holder);
  guint i;

  for (i = 0; i < json_array_get_length (orders); i++)
    {
      JsonNode *order = json_array_get_element (orders, i);

      if (g_strcmp0 (json_object_get_string_member (json_node_get_object (order), "salesOrderNumber"),
                     number) == 0)
        return order;
    }
  g_error ("%s does not list order %s", path, number);
}

/* Order @number, listed and searched, is what its details give, at
 * @version, through every read connection (each keeps the JSON of its
 * pages' orders). */
static void
assert_listed_as_details (SbtFixture *f,
                          const char *number,
                          gint64      version)
{
  g_autofree char *search = g_strconcat ("/v1/orders?searchBy=salesOrderNumber&match=exact&value=",
                                         number, NULL);
  const char *const paths[] = { "/v1/orders?limit=100", search };
  guint round, i;

  for (round = 0; round < 6; round++)
    for (i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(JsonNode) page = NULL;
        g_autoptr(JsonNode) details = NULL;
        JsonNode *listed = find_listed (f, paths[i], number, &page);

        sbt_get_order (f, number, &details);
        g_assert_cmpint (json_object_get_int_member (json_node_get_object (listed), "version"), ==, version);
        if (!json_node_equal (listed, details))
          {
            g_autofree char *a = json_to_string (listed, FALSE);
            g_autofree char *b = json_to_string (details, FALSE);

            g_error ("%s: listed\n%s\nbut its details are\n%s", paths[i], a, b);
          }
      }
}

/* The orders of a page are kept by the read connection (their JSON), but
 * never served stale: an assignment PUT shows at once in the next pages,
 * and so does a change of an assigned Smart Account made by another
 * connection, which does not change the order's version. */
static void
test_page_follows_writes (SbtFixture    *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  JsonObject *listed;
  guint status;

  assert_listed_as_details (f, ORDER_UNASSIGNED, 1);

  put = sbt_put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                            "{" EC ("acme-industrie.fr", "Production") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  listed = json_node_get_object (find_listed (f, "/v1/orders?limit=100", ORDER_UNASSIGNED, &page));
  g_assert_cmpint (json_object_get_int_member (listed, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (listed, "endCustomer"), "domain"),
                   ==, "acme-industrie.fr");
  assert_listed_as_details (f, ORDER_UNASSIGNED, 2);

  /* the account's name changes; the order's version does not */
  g_assert_true (sa_sandbox_db_open (path, &db, &error));
  g_assert_no_error (error);
  g_assert_true (sa_sandbox_db_run (db, &error,
                                    "UPDATE smart_accounts SET name = 'Acme Industrie Renamed'"
                                    " WHERE tenant = 'trainee' AND domain = 'acme-industrie.fr'", NULL));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sa_sandbox_db_close (db);
  listed = json_node_get_object (find_listed (f, "/v1/orders?limit=100", ORDER_UNASSIGNED, &page));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (listed, "endCustomer"), "name"),
                   ==, "Acme Industrie Renamed");
  assert_listed_as_details (f, ORDER_UNASSIGNED, 2);
}

static int
always_interrupt (void *unused)
{
  return 1;
}

/* A read transaction ends even on a connection whose progress handler
 * interrupts every statement it meets (a read connection whose request's
 * client is gone): the connection never stays on an old snapshot. */
static void
test_read_transaction_ends (SbtFixture    *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  guint i, begun = 0;

  g_assert_true (sa_sandbox_db_open (path, &db, &error));
  g_assert_no_error (error);
  /* as sa-sandbox-readers.c: every 10,000 steps */
  sqlite3_progress_handler (db, 10000, always_interrupt, NULL);
  for (i = 0; i < 30000; i++)
    {
      g_autoptr(GError) read_error = NULL;
      gboolean began;

      if (sa_sandbox_db_begin_read (db, &began, &read_error))
        {
          g_assert_true (began);
          begun++;
        }
      sa_sandbox_db_end_read (db, began);
      g_assert_true (sqlite3_get_autocommit (db));
    }
  g_assert_cmpuint (begun, >, 0);
  sa_sandbox_db_close (db);
}

/* Makes the generated database what an older version left, with @sql run
 * while the sandbox is stopped, and starts the sandbox on it again. */
static void
start_on_older_database (SbtFixture *f,
                         const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, "sandbox.sqlite", NULL);
  sqlite3 *db = NULL;

  generate (f);
  g_clear_object (&f->sandbox);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  sbt_fixture_start (f);
}

/* A database of version 5 made before the trigram table of the Sales
 * Order No. and the counts of 1 and 2 digits gets them, with its orders
 * in them. */
static void
test_number_table_added (SbtFixture    *f,
                         gconstpointer  data)
{
  start_on_older_database (f,
                           "DROP TRIGGER orders_number_fts_insert; DROP TRIGGER orders_number_fts_delete;"
                           "DROP TRIGGER orders_number_fts_update; DROP TABLE orders_number_fts;"
                           "DROP TRIGGER order_number_digits_insert; DROP TRIGGER order_number_digits_delete;"
                           "DROP TRIGGER order_number_digits_update; DROP TABLE order_number_digits;"
                           "DROP TABLE number_digits;");
  check_order_search (f, 0, "104857", NULL, 100);
  check_order_search (f, 0, "300", NULL, 100);
  check_order_search (f, 0, "4567", NULL, 100);
  check_order_search (f, 0, "3", NULL, 100);
  check_order_search (f, 0, "45", NULL, 100);
}

/* A database of version 3 (before the search indexes) keeps its data and
 * gets them. */
static void
test_migration (SbtFixture    *f,
                gconstpointer  data)
{
  start_on_older_database (f,
                           "DROP TRIGGER orders_fts_insert; DROP TRIGGER orders_fts_delete;"
                           "DROP TRIGGER orders_fts_update; DROP TRIGGER smart_accounts_fts_insert;"
                           "DROP TRIGGER smart_accounts_fts_delete; DROP TRIGGER smart_accounts_fts_update;"
                           "DROP TABLE orders_fts; DROP TABLE smart_accounts_fts; DROP TABLE order_counts;"
                           "DROP INDEX orders_list; DROP INDEX orders_number;"
                           "DROP INDEX smart_accounts_name; DROP INDEX order_lines_order;"
                           "PRAGMA user_version = 3");
  check_order_search (f, 2, "café", NULL, 100);
  check_order_search (f, 1, "wo1", NULL, 100);
  check_account_search (f, "name", 2, "éclair");
  g_assert_cmpint (sbt_order_count (f), ==, N_VISIBLE_ORDERS + N_GENERATED_ORDERS * 9 / 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("order-search/training-data", test_training_data);
  SBT_ADD ("order-search/generated-data", test_generated_data);
  SBT_ADD ("order-search/cursor-refused", test_cursor_refused);
  SBT_ADD ("order-search/query-plans", test_query_plans);
  SBT_ADD ("order-search/account-query-plans", test_account_query_plans);
  SBT_ADD ("order-search/pages-and-details", test_pages_and_details);
  SBT_ADD ("order-search/count-follows-changes", test_count_follows_changes);
  SBT_ADD ("order-search/page-follows-writes", test_page_follows_writes);
  SBT_ADD ("order-search/number-table-added", test_number_table_added);
  SBT_ADD ("order-search/read-transaction-ends", test_read_transaction_ends);
  SBT_ADD ("order-search/migration", test_migration);

  return g_test_run ();
}
