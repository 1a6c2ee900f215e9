/* sa-sandbox-order-search.c — the order list and the order searches of
 * GET /v1/orders in SQL: indexes, a count that does not build the rows,
 * LIMIT/OFFSET and keyset paging (the `after` cursor)
 *
 * The list is in the order newest first (created_date DESC, then
 * sales_order_number DESC), which the index orders_list holds for each
 * tenant and partner. A page walks that index from its start (or from the
 * cursor's order) and stops once it has its orders: no sort, whatever the
 * number of orders; an offset skips index entries only, the page's rows are
 * joined afterwards. What a search matches is found:
 * - Sales Order No. (digits only): exact on the primary key; prefix on a
 *   range of the index orders_number; contains through the trigram table
 *   orders_number_fts (by instr() over the index for 1 or 2 digits);
 * - Web Order No. and PO No.: the trigram table orders_fts (then sa_match()
 *   for prefix and exact); a value of 1 or 2 characters: sa_match() over
 *   the rows (the documented fallback: correct, slower).
 * totalRecords: for the whole list, the number kept in order_counts (for a
 * Sales Order No. contains 1 or 2 digits, in order_number_digits); for a
 * search, a count(*) of the same conditions, driven by the matches, kept
 * by the read connection for the search's next pages while the database
 * does not change (its data version: sa_sandbox_db_count_lookup()); count
 * and page read one snapshot (a read transaction). When the count is small
 * (at most SMALL_RESULT orders), the page is taken from the matches
 * themselves and sorted (a sort of at most SMALL_RESULT rows) instead of
 * walking the list: a rare value among 100,000 orders costs as little as a
 * frequent one. The orders of a search's first page found in SQL (their
 * rowids, with the order after them) are kept by the read connection while
 * the database does not change (sa_sandbox_db_list_lookup()): the same
 * page asked again takes its orders from them (by rowid, in their order)
 * instead of finding them again; other pages, and pages by cursor, are
 * found in SQL. A page's
 * orders and their lines come from one statement (a row per line), written
 * by the caller's #SaSandboxOrderWriter (which may take an order's JSON
 * kept by the connection: sa-sandbox-orders.c).
 * See sa-sandbox-db-search.c for the matching and the trigram tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"
#include "sa-sandbox-db-search.h"

#include <string.h>

#include "sa-types.h"
#include "sa-validate.h"

#define SMALL_RESULT     1000 /* orders: sorted instead of walking the list */
#define LIST_PAGE_MAX    101  /* orders a page takes from a list: the largest limit, plus one */
#define CURSOR_VERSION   "1"
#define CURSOR_MAX_CHARS 200

/* The statements' conditions, by kind of search. Parameters: ?1 tenant,
 * ?2 partner, ?3 the trigram query, ?4 the folded value (or the Sales Order
 * No. prefix), ?5 the prefix's upper bound, ?6 and ?7 the cursor's
 * created_date and sales_order_number, ?8 LIMIT, ?9 OFFSET. */
typedef enum
{
  KIND_ALL,
  KIND_TRIGRAM,          /* ?3: orders_fts, or orders_number_fts for a Sales Order No. */
  KIND_SCAN,             /* sa_match() on each row: values under 3 characters */
  KIND_NUMBER_EXACT,
  KIND_NUMBER_PREFIX,
  KIND_NUMBER_CONTAINS,  /* 1 or 2 digits: instr() over the index of numbers, the count kept */
} Kind;

static const char *const columns[] = {
  [SA_ORDER_SEARCH_SALES_ORDER_NUMBER] = "sales_order_number",
  [SA_ORDER_SEARCH_WEB_ORDER_ID] = "web_order_id",
  [SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER] = "purchase_order_number",
};

#define WHERE_CURSOR " AND (o.created_date, o.sales_order_number) < (?6, ?7)"
#define ORDER_PAGE   " ORDER BY o.created_date DESC, o.sales_order_number DESC LIMIT ?8 OFFSET ?9"
/* the same order, which no index gives: the planner then uses the index
 * that finds the matches (a small result) */
#define SORT_PAGE    " ORDER BY +o.created_date DESC, +o.sales_order_number DESC LIMIT ?8 OFFSET ?9"

/* The WHERE clause of @query's search. @walk: for a walk of orders_list, in
 * list order; otherwise the matches drive (the count, and the page of a
 * small result): a "+" keeps SQLite from using an index for the term it
 * precedes, where its default estimates would choose the other way.
 * Constant fragments only. */
static char *
dup_where (const SaSandboxOrderQuery *query,
           Kind                       kind,
           gboolean                   walk)
{
  const char *column = query->field >= 0 ? columns[query->field] : NULL;
  g_autofree char *filter = NULL;

  if (column != NULL && query->match != SA_SANDBOX_MATCH_CONTAINS)
    filter = g_strdup_printf (" AND sa_match (o.%s, ?4, %d)", column, (int) query->match);

  switch (kind)
    {
    case KIND_TRIGRAM:
      return g_strconcat (walk ? " WHERE o.tenant = ?1 AND o.partner = ?2 AND +o.rowid IN"
                               : " WHERE +o.tenant = ?1 AND +o.partner = ?2 AND o.rowid IN",
                          query->field == SA_ORDER_SEARCH_SALES_ORDER_NUMBER
                            ? " (SELECT rowid FROM orders_number_fts WHERE orders_number_fts MATCH ?3)"
                            : " (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?3)",
                          filter, NULL);
    case KIND_SCAN:
      return g_strdup_printf (" WHERE o.tenant = ?1 AND o.partner = ?2 AND sa_match (o.%s, ?4, %d)",
                              column, (int) query->match);
    case KIND_NUMBER_EXACT:
      return g_strdup (" WHERE o.tenant = ?1 AND o.partner = ?2 AND o.sales_order_number = ?4");
    case KIND_NUMBER_PREFIX:
      return g_strdup (walk ? " WHERE o.tenant = ?1 AND o.partner = ?2"
                              " AND +o.sales_order_number >= ?4 AND +o.sales_order_number < ?5"
                            : " WHERE o.tenant = ?1 AND o.partner = ?2"
                              " AND o.sales_order_number >= ?4 AND o.sales_order_number < ?5");
    case KIND_NUMBER_CONTAINS:
      return g_strdup (" WHERE o.tenant = ?1 AND o.partner = ?2 AND instr (o.sales_order_number, ?4) > 0");
    case KIND_ALL:
    default:
      return g_strdup (" WHERE o.tenant = ?1 AND o.partner = ?2");
    }
}

static Kind
query_kind (const SaSandboxOrderQuery *query)
{
  if (query->field < 0)
    return KIND_ALL;
  if (query->field == SA_ORDER_SEARCH_SALES_ORDER_NUMBER)
    {
      if (query->match == SA_SANDBOX_MATCH_EXACT)
        return KIND_NUMBER_EXACT;
      if (query->match == SA_SANDBOX_MATCH_PREFIX)
        return KIND_NUMBER_PREFIX;
      return strlen (query->folded_value) >= 3 ? KIND_TRIGRAM : KIND_NUMBER_CONTAINS;
    }

  return g_utf8_strlen (query->folded_value, -1) >= 3 ? KIND_TRIGRAM : KIND_SCAN;
}

/* The trigram query of @query: its column, and the value as one quoted
 * phrase (a '"' doubled). */
static char *
dup_trigram_query (const SaSandboxOrderQuery *query)
{
  g_autoptr(GString) text = g_string_new (columns[query->field]);
  const char *p;

  g_string_append (text, " : \"");
  for (p = query->folded_value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (text, '"');
      g_string_append_c (text, *p);
    }
  g_string_append_c (text, '"');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Binds what the statements' parameters are (see Kind); unused numbers are
 * refused by SQLite (SQLITE_RANGE), which does no harm. */
static void
bind_query (sqlite3_stmt              *stmt,
            const SaSandboxOrderQuery *query,
            const char                *trigram,
            const char                *upper)
{
  sqlite3_bind_text (stmt, 1, query->tenant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, query->partner, -1, SQLITE_STATIC);
  if (trigram != NULL)
    sqlite3_bind_text (stmt, 3, trigram, -1, SQLITE_STATIC);
  if (query->folded_value != NULL)
    sqlite3_bind_text (stmt, 4, query->folded_value, -1, SQLITE_STATIC);
  if (upper != NULL)
    sqlite3_bind_text (stmt, 5, upper, -1, SQLITE_STATIC);
  if (query->cursor_number != NULL)
    {
      sqlite3_bind_text (stmt, 6, query->cursor_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, query->cursor_number, -1, SQLITE_STATIC);
    }
}

/* ------------------------------------------------------------------------ */
/* Cursors                                                                   */

/* The cursor after the order @stmt stands on, the page's last, whose
 * position in the list is @position - 1. Opaque to clients. */
static char *
dup_cursor (sqlite3_stmt *stmt,
            guint64       position)
{
  g_autofree char *text = g_strdup_printf (CURSOR_VERSION "\n%" G_GUINT64_FORMAT "\n%s\n%s", position,
                                           sa_sandbox_db_text (stmt, 7), sa_sandbox_db_text (stmt, 0));
  char *cursor = g_base64_encode ((const guchar *) text, strlen (text));
  char *p;

  /* URL-safe, without padding */
  for (p = cursor; *p != '\0'; p++)
    if (*p == '+')
      *p = '-';
    else if (*p == '/')
      *p = '_';
    else if (*p == '=')
      *p = '\0';

  return cursor;
}

/**
 * sa_sandbox_order_query_set_cursor:
 * @query: the query
 * @cursor: the `after` parameter of the request
 *
 * Reads a cursor of this server (one of the answers' `nextCursor`) into
 * @query: the order it names and the position it was issued for
 * (docs/desk-api.md, "Orders", keyset paging).
 *
 * Returns: %TRUE when @cursor is one; %FALSE otherwise (the request is
 *   answered 400)
 */
gboolean
sa_sandbox_order_query_set_cursor (SaSandboxOrderQuery *query,
                                   const char          *cursor)
{
  g_autofree char *padded = NULL;
  g_autofree guchar *decoded = NULL;
  g_auto(GStrv) parts = NULL;
  gsize length, i;
  guint64 position;

  length = strlen (cursor);
  if (length == 0 || length > CURSOR_MAX_CHARS)
    return FALSE;
  padded = g_strnfill ((length + 3) / 4 * 4, '=');
  for (i = 0; i < length; i++)
    {
      char c = cursor[i];

      if (!g_ascii_isalnum (c) && c != '-' && c != '_')
        return FALSE;
      padded[i] = c == '-' ? '+' : c == '_' ? '/' : c;
    }
  decoded = g_base64_decode (padded, &length);
  if (decoded == NULL || memchr (decoded, '\0', length) != NULL)
    return FALSE;
  decoded = g_realloc (decoded, length + 1);
  decoded[length] = '\0';

  parts = g_strsplit ((const char *) decoded, "\n", -1);
  if (g_strv_length (parts) != 4 || strcmp (parts[0], CURSOR_VERSION) != 0 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT32, &position, NULL) ||
      !sa_sandbox_text_is_valid (parts[2], 40) ||
      !g_utf8_validate (parts[3], -1, NULL) || !sa_validate_sales_order_number (parts[3], NULL))
    return FALSE;

  g_free (query->cursor_date);
  g_free (query->cursor_number);
  query->cursor_date = g_strdup (parts[2]);
  query->cursor_number = g_strdup (parts[3]);
  query->offset = position;

  return TRUE;
}

/**
 * sa_sandbox_order_query_clear:
 * @query: a query
 *
 * Frees what sa_sandbox_order_query_set_cursor() stored.
 */
void
sa_sandbox_order_query_clear (SaSandboxOrderQuery *query)
{
  g_clear_pointer (&query->cursor_date, g_free);
  g_clear_pointer (&query->cursor_number, g_free);
}

/* ------------------------------------------------------------------------ */
/* The search                                                                */

/* The count of @query: for the whole list and a Sales Order No. contains 1
 * or 2 digits, the numbers kept by triggers (sa-sandbox-db-search.c);
 * otherwise a count(*) of the search's conditions, driven by the matches. */
static char *
dup_count_sql (const SaSandboxOrderQuery *query,
               Kind                       kind)
{
  g_autofree char *where = NULL;

  if (kind == KIND_ALL)
    return g_strdup ("SELECT coalesce ((SELECT n FROM order_counts WHERE tenant = ?1 AND partner = ?2), 0)");
  if (kind == KIND_NUMBER_CONTAINS)
    return g_strdup ("SELECT coalesce ((SELECT n FROM order_number_digits"
                     " WHERE tenant = ?1 AND partner = ?2 AND digits = ?4), 0)");

  where = dup_where (query, kind, FALSE);
  return g_strconcat ("SELECT count(*) FROM orders o", where, NULL);
}

/* What @query's statements are bound to: the key of its count and of its
 * list of matches (with @sql, what they run). */
static char *
dup_values_key (const SaSandboxOrderQuery *query,
                const char                *sql,
                const char                *trigram,
                const char                *upper)
{
  return g_strjoin ("\x1f", sql, query->tenant, query->partner, trigram != NULL ? trigram : "",
                    query->folded_value, upper != NULL ? upper : "", NULL);
}

/* Whether the first matches of @query are kept (sa_sandbox_db_list_lookup())
 * for its pages: a search whose page an offset gives (a cursor's page walks
 * the list index). */
static gboolean
list_is_kept (const SaSandboxOrderQuery *query,
              Kind                       kind)
{
  return kind != KIND_ALL && kind != KIND_NUMBER_CONTAINS &&
         query->cursor_number == NULL && query->limit + 1 <= LIST_PAGE_MAX;
}

static gboolean
count_orders (sqlite3                    *db,
              const SaSandboxOrderQuery  *query,
              Kind                        kind,
              const char                 *trigram,
              const char                 *upper,
              gint64                     *total,
              GError                    **error)
{
  g_autofree char *sql = dup_count_sql (query, kind);
  g_autofree char *key = NULL;
  g_autoptr(SaSandboxCachedStmt) stmt = NULL;

  /* a search's next pages: its count, kept while the data stay the same */
  if (kind != KIND_ALL && kind != KIND_NUMBER_CONTAINS)
    {
      key = dup_values_key (query, sql, trigram, upper);
      if (sa_sandbox_db_count_lookup (db, key, total))
        return TRUE;
    }

  stmt = sa_sandbox_db_cached (db, error, sql);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, query, trigram, upper);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sa_sandbox_db_fail (db, "count", error);
  *total = sqlite3_column_int64 (stmt, 0);
  if (key != NULL)
    sa_sandbox_db_count_store (db, key, *total);

  return TRUE;
}

/**
 * sa_sandbox_order_count_sql:
 * @query: the list or a search
 *
 * The count statement of @query (totalRecords), for the test of the query
 * plans: a number kept (the list, a Sales Order No. contains 1 or 2
 * digits), or a count driven by the matches (the trigram tables, the index
 * of numbers).
 *
 * Returns: (transfer full): the SQL
 */
char *
sa_sandbox_order_count_sql (const SaSandboxOrderQuery *query)
{
  return dup_count_sql (query, query_kind (query));
}

/**
 * sa_sandbox_order_search_sql:
 * @query: the query
 * @small: the variant for at most SMALL_RESULT matches (found from the
 *   matches, then sorted) instead of the walk of the list
 *
 * The page statement of @query, for sa_sandbox_order_search() and the test
 * of the query plans: the page's rows found on the index alone (an offset
 * skips index entries, not joined rows), then joined in that order, with
 * their lines (one row a line, in the order of the primary key of
 * order_lines): one statement for the page and its lines.
 *
 * Returns: (transfer full): the SQL, whose columns are
 *   SA_SANDBOX_ORDER_COLUMNS, SA_SANDBOX_ORDER_LINE_COLUMNS, then the rowid
 */
char *
sa_sandbox_order_search_sql (const SaSandboxOrderQuery *query,
                             gboolean                   small)
{
  g_autofree char *where = dup_where (query, query_kind (query), !small);

  return g_strconcat (SA_SANDBOX_ORDER_COLUMNS SA_SANDBOX_ORDER_LINE_COLUMNS
                      ", o.rowid FROM (SELECT o.rowid AS page_rowid FROM orders o", where,
                      query->cursor_number != NULL ? WHERE_CURSOR : "", small ? SORT_PAGE : ORDER_PAGE,
                      ") AS page CROSS JOIN orders o ON o.rowid = page.page_rowid"
                      SA_SANDBOX_ORDER_JOINS SA_SANDBOX_ORDER_LINE_JOIN, NULL);
}

/* The statement of a page taken from a list of matches: the orders of
 * rowids ?1…?LIST_PAGE_MAX in that order (NULL: none), with their lines;
 * columns as sa_sandbox_order_search_sql()'s. */
static const char *
get_list_page_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autoptr(GString) text = g_string_new (SA_SANDBOX_ORDER_COLUMNS SA_SANDBOX_ORDER_LINE_COLUMNS
                                              ", o.rowid FROM (VALUES");
      guint i;

      for (i = 1; i <= LIST_PAGE_MAX; i++)
        g_string_append_printf (text, "%s (?%u)", i == 1 ? "" : ",", i);
      g_string_append (text, ") AS page CROSS JOIN orders o ON o.rowid = page.column1"
                       SA_SANDBOX_ORDER_JOINS SA_SANDBOX_ORDER_LINE_JOIN);
      g_once_init_leave (&sql, g_string_free (g_steal_pointer (&text), FALSE));
    }

  return sql;
}

/**
 * sa_sandbox_order_list_page_sql:
 *
 * The statement of a page taken from the matches of a search kept by the
 * connection (rowids ?1…?101 in order, NULL for none), for the test of the
 * query plans.
 *
 * Returns: (transfer none): the SQL, whose columns are
 *   SA_SANDBOX_ORDER_COLUMNS, SA_SANDBOX_ORDER_LINE_COLUMNS, then the rowid
 */
const char *
sa_sandbox_order_list_page_sql (void)
{
  return get_list_page_sql ();
}

/* The first matches of @query in list order (its rowids), kept by the
 * connection since a first page of the same search, when they hold its
 * page: all @total of them, or its page and the order after it. */
static GArray *
get_list (sqlite3                   *db,
          const SaSandboxOrderQuery *query,
          Kind                       kind,
          const char                *trigram,
          const char                *upper,
          gint64                     total)
{
  g_autofree char *key = NULL;
  GArray *list;

  if (!list_is_kept (query, kind))
    return NULL;

  key = dup_values_key (query, "list", trigram, upper);
  list = sa_sandbox_db_list_lookup (db, key);
  if (list == NULL || list->len > (guint64) total ||
      (list->len < (guint64) total && query->offset + query->limit + 1 > list->len))
    return NULL;

  return g_array_ref (list);
}

/* The page statement of @query, bound: from the matches kept (@from_list),
 * or the page found in SQL (sa_sandbox_order_search_sql()). */
static sqlite3_stmt *
prepare_page (sqlite3                    *db,
              const SaSandboxOrderQuery  *query,
              Kind                        kind,
              const char                 *trigram,
              const char                 *upper,
              gint64                      total,
              gboolean                   *from_list,
              GError                    **error)
{
  g_autoptr(GArray) list = get_list (db, query, kind, trigram, upper, total);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint64 i;

  *from_list = list != NULL;
  if (list != NULL)
    {
      stmt = sa_sandbox_db_cached (db, error, get_list_page_sql ());
      /* one more than the page: whether another page follows */
      for (i = 0; stmt != NULL && i <= query->limit && query->offset + i < list->len; i++)
        sqlite3_bind_int64 (stmt, (int) i + 1, g_array_index (list, gint64, query->offset + i));
      return stmt;
    }

  sql = sa_sandbox_order_search_sql (query, total <= SMALL_RESULT);
  stmt = sa_sandbox_db_cached (db, error, sql);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, trigram, upper);
  /* one more than the page: whether another page follows */
  sqlite3_bind_int64 (stmt, 8, (gint64) query->limit + 1);
  sqlite3_bind_int64 (stmt, 9, query->cursor_number != NULL ? 0 : (gint64) query->offset);

  return stmt;
}

/* Adds the rowid of the order @stmt stands on (a page statement's last
 * column) to @list. */
static void
add_rowid (GArray       *list,
           sqlite3_stmt *stmt)
{
  gint64 rowid = sqlite3_column_int64 (stmt, sqlite3_column_count (stmt) - 1);

  g_array_append_val (list, rowid);
}

/* The answer of sa_sandbox_order_search(), in the read transaction that
 * makes its count and its page one snapshot. */
static JsonBuilder *
build_answer (sqlite3                    *db,
              const SaSandboxOrderQuery  *query,
              SaSandboxOrderWriter        write_order,
              gpointer                    data,
              GError                    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SaSandboxCachedStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trigram = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *next = NULL;
  Kind kind = query_kind (query);
  g_autoptr(GArray) found = NULL;
  gint64 total = 0;
  guint64 n = 0;
  gboolean from_list, more;

  if (kind == KIND_TRIGRAM)
    trigram = dup_trigram_query (query);
  if (kind == KIND_NUMBER_PREFIX)
    {
      upper = g_strdup (query->folded_value);
      upper[strlen (upper) - 1]++;
    }
  if (!count_orders (db, query, kind, trigram, upper, &total, error))
    return NULL;

  stmt = prepare_page (db, query, kind, trigram, upper, total, &from_list, error);
  if (stmt == NULL)
    return NULL;
  /* a search's first page found in SQL: its orders are kept, with the one
   * after them, for the same page asked again */
  if (!from_list && query->offset == 0 && list_is_kept (query, kind))
    found = g_array_sized_new (FALSE, FALSE, sizeof (gint64), query->limit + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "orders");
  json_builder_begin_array (builder);
  more = sa_sandbox_db_next (stmt, &local_error);
  while (more && n < query->limit)
    {
      /* the page's last order: the cursor after it, if an order follows */
      if (n + 1 == query->limit)
        next = dup_cursor (stmt, query->offset + n + 1);
      if (found != NULL)
        add_rowid (found, stmt);
      more = write_order (builder, stmt, data, &local_error);
      n++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (found != NULL)
    {
      g_autofree char *key = dup_values_key (query, "list", trigram, upper);

      if (more)
        add_rowid (found, stmt);
      sa_sandbox_db_list_store (db, key, found);
    }
  /* the last page: no cursor */
  if (!more)
    g_clear_pointer (&next, g_free);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, (gint64) query->offset);
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, (gint64) query->limit);
  json_builder_set_member_name (builder, "nextCursor");
  if (next != NULL)
    json_builder_add_string_value (builder, next);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return g_steal_pointer (&builder);
}

/**
 * sa_sandbox_order_search:
 * @db: a connection
 * @query: the list or search, its page (offset or cursor) and its size
 * @write_order: writes one order and its lines (#SaSandboxOrderWriter)
 * @data: data for @write_order
 * @error: return location for a #GError
 *
 * The order list and search of GET /v1/orders (procedure 1, step 1; see
 * docs/desk-api.md): `{"orders": [...], "totalRecords", "offset", "limit",
 * "nextCursor"}`. See the top of this file for how each search is found.
 * The count and the page read one snapshot (a read transaction); a
 * search's count is kept for its next pages while the data stay the same
 * (sa_sandbox_db_count_lookup()).
 *
 * Returns: (transfer full) (nullable): the answer's JSON; %NULL with
 *   %G_IO_ERROR_FAILED
 */
JsonBuilder *
sa_sandbox_order_search (sqlite3                    *db,
                         const SaSandboxOrderQuery  *query,
                         SaSandboxOrderWriter        write_order,
                         gpointer                    data,
                         GError                    **error)
{
  JsonBuilder *builder;
  gboolean began;

  if (!sa_sandbox_db_begin_read (db, &began, error))
    return NULL;
  builder = build_answer (db, query, write_order, data, error);
  sa_sandbox_db_end_read (db, began);

  return builder;
}
