/* sa-sandbox-db-search.c — what makes the sandbox's searches fast at 100,000
 * orders: the connection's set-up (page cache, the SQL functions of the
 * Desk API's matching), the search indexes and trigram tables of schema
 * version 5, and what each connection keeps: its prepared statements, and
 * while the data stay the same (read transactions, the data version) its
 * searches' counts, their first pages' matches, and the JSON of the
 * orders of its recent pages
 *
 * Matching (docs/desk-api.md, "Orders"): a value and a field match after
 * Unicode case folding (g_utf8_casefold()), accents kept. The trigram tables
 * orders_fts (Web Order No., PO No.) and smart_accounts_fts hold the
 * *folded* text of the searched columns (kept by triggers through
 * sa_casefold()), tokenized with
 * case_sensitive 1, so that a trigram phrase match is exactly "the folded
 * field contains the folded value" — for values of 3 characters or more. A
 * shorter value reads the rows in list order through sa_match(). A Sales
 * Order No. is digits only: its exact and prefix searches use the index
 * orders_number, "contains" the trigram table orders_number_fts (values of
 * 3 digits or more; shorter ones: instr() over orders_number, their count
 * kept in order_number_digits by triggers). The table order_counts keeps
 * each user's number of orders (triggers again).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-db.h"
#include "sa-sandbox-db-search.h"

#include <string.h>

#define SA_SANDBOX_CACHE_KIB  32768  /* page cache of each connection */
#define SA_SANDBOX_MMAP_BYTES "268435456"

static const char search_schema_sql[] =
  /* the order list: newest first (docs/desk-api.md), per user's partner */
  "CREATE INDEX IF NOT EXISTS orders_list ON orders"
  "  (tenant, partner, created_date DESC, sales_order_number DESC);"
  /* Sales Order No. exact and prefix, and the counts */
  "CREATE INDEX IF NOT EXISTS orders_number ON orders (tenant, partner, sales_order_number);"
  "CREATE INDEX IF NOT EXISTS smart_accounts_name ON smart_accounts"
  "  (tenant, name COLLATE NOCASE, type);"
  "CREATE INDEX IF NOT EXISTS order_lines_order ON order_lines (tenant, sales_order_number, line_number);"
  /* the user's number of orders, for the list's totalRecords */
  "CREATE TABLE IF NOT EXISTS order_counts ("
  "  tenant TEXT NOT NULL, partner TEXT NOT NULL, n INTEGER NOT NULL,"
  "  PRIMARY KEY (tenant, partner)) WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE IF NOT EXISTS orders_fts USING fts5"
  "  (web_order_id, purchase_order_number, tokenize = 'trigram case_sensitive 1');"
  "CREATE VIRTUAL TABLE IF NOT EXISTS smart_accounts_fts USING fts5"
  "  (domain, name, email, tokenize = 'trigram case_sensitive 1');"
  "CREATE TRIGGER IF NOT EXISTS orders_fts_insert AFTER INSERT ON orders BEGIN"
  "  INSERT INTO orders_fts (rowid, web_order_id, purchase_order_number)"
  "  VALUES (new.rowid, sa_casefold (new.web_order_id), sa_casefold (new.purchase_order_number));"
  "  INSERT INTO order_counts (tenant, partner, n) VALUES (new.tenant, new.partner, 1)"
  "  ON CONFLICT (tenant, partner) DO UPDATE SET n = n + 1;"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS orders_fts_delete AFTER DELETE ON orders BEGIN"
  "  DELETE FROM orders_fts WHERE rowid = old.rowid;"
  "  UPDATE order_counts SET n = n - 1 WHERE tenant = old.tenant AND partner = old.partner;"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS orders_fts_update"
  "  AFTER UPDATE OF tenant, partner, web_order_id, purchase_order_number ON orders BEGIN"
  "  DELETE FROM orders_fts WHERE rowid = old.rowid;"
  "  INSERT INTO orders_fts (rowid, web_order_id, purchase_order_number)"
  "  VALUES (new.rowid, sa_casefold (new.web_order_id), sa_casefold (new.purchase_order_number));"
  "  UPDATE order_counts SET n = n - 1 WHERE tenant = old.tenant AND partner = old.partner;"
  "  INSERT INTO order_counts (tenant, partner, n) VALUES (new.tenant, new.partner, 1)"
  "  ON CONFLICT (tenant, partner) DO UPDATE SET n = n + 1;"
  " END;"
  /* Sales Order No. contains: digits only, nothing to fold */
  "CREATE VIRTUAL TABLE IF NOT EXISTS orders_number_fts USING fts5"
  "  (sales_order_number, tokenize = 'trigram case_sensitive 1');"
  "CREATE TRIGGER IF NOT EXISTS orders_number_fts_insert AFTER INSERT ON orders BEGIN"
  "  INSERT INTO orders_number_fts (rowid, sales_order_number) VALUES (new.rowid, new.sales_order_number);"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS orders_number_fts_delete AFTER DELETE ON orders BEGIN"
  "  DELETE FROM orders_number_fts WHERE rowid = old.rowid;"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS orders_number_fts_update AFTER UPDATE OF sales_order_number ON orders BEGIN"
  "  DELETE FROM orders_number_fts WHERE rowid = old.rowid;"
  "  INSERT INTO orders_number_fts (rowid, sales_order_number) VALUES (new.rowid, new.sales_order_number);"
  " END;"
  /* Sales Order No. contains 1 or 2 digits (too short for trigrams): the
   * count of each user's orders whose number holds each of them, kept */
  "CREATE TABLE IF NOT EXISTS number_digits (digits TEXT PRIMARY KEY) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS order_number_digits ("
  "  tenant TEXT NOT NULL, partner TEXT NOT NULL, digits TEXT NOT NULL, n INTEGER NOT NULL,"
  "  PRIMARY KEY (tenant, partner, digits)) WITHOUT ROWID;"
  "CREATE TRIGGER IF NOT EXISTS order_number_digits_insert AFTER INSERT ON orders BEGIN"
  "  INSERT INTO order_number_digits (tenant, partner, digits, n)"
  "  SELECT new.tenant, new.partner, digits, 1 FROM number_digits"
  "  WHERE instr (new.sales_order_number, digits) > 0"
  "  ON CONFLICT (tenant, partner, digits) DO UPDATE SET n = n + 1;"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS order_number_digits_delete AFTER DELETE ON orders BEGIN"
  "  UPDATE order_number_digits SET n = n - 1"
  "  WHERE tenant = old.tenant AND partner = old.partner AND instr (old.sales_order_number, digits) > 0;"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS order_number_digits_update"
  "  AFTER UPDATE OF tenant, partner, sales_order_number ON orders BEGIN"
  "  UPDATE order_number_digits SET n = n - 1"
  "  WHERE tenant = old.tenant AND partner = old.partner AND instr (old.sales_order_number, digits) > 0;"
  "  INSERT INTO order_number_digits (tenant, partner, digits, n)"
  "  SELECT new.tenant, new.partner, digits, 1 FROM number_digits"
  "  WHERE instr (new.sales_order_number, digits) > 0"
  "  ON CONFLICT (tenant, partner, digits) DO UPDATE SET n = n + 1;"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS smart_accounts_fts_insert AFTER INSERT ON smart_accounts BEGIN"
  "  INSERT INTO smart_accounts_fts (rowid, domain, name, email)"
  "  VALUES (new.rowid, sa_casefold (new.domain), sa_casefold (new.name), sa_casefold (new.email));"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS smart_accounts_fts_delete AFTER DELETE ON smart_accounts BEGIN"
  "  DELETE FROM smart_accounts_fts WHERE rowid = old.rowid;"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS smart_accounts_fts_update"
  "  AFTER UPDATE OF domain, name, email ON smart_accounts BEGIN"
  "  DELETE FROM smart_accounts_fts WHERE rowid = old.rowid;"
  "  INSERT INTO smart_accounts_fts (rowid, domain, name, email)"
  "  VALUES (new.rowid, sa_casefold (new.domain), sa_casefold (new.name), sa_casefold (new.email));"
  " END;";

/* A database of version 3 or older: its rows get into the new tables. */
static const char search_fill_sql[] =
  "DELETE FROM orders_fts;"
  "INSERT INTO orders_fts (rowid, web_order_id, purchase_order_number)"
  "  SELECT rowid, sa_casefold (web_order_id), sa_casefold (purchase_order_number) FROM orders;"
  "DELETE FROM order_counts;"
  "INSERT INTO order_counts (tenant, partner, n)"
  "  SELECT tenant, partner, count(*) FROM orders GROUP BY tenant, partner;"
  "DELETE FROM smart_accounts_fts;"
  "INSERT INTO smart_accounts_fts (rowid, domain, name, email)"
  "  SELECT rowid, sa_casefold (domain), sa_casefold (name), sa_casefold (email) FROM smart_accounts;";

/* A database without the trigram table of the Sales Order No. (it came
 * after version 5): its orders get into it. */
static const char number_fill_sql[] =
  "DELETE FROM orders_number_fts;"
  "INSERT INTO orders_number_fts (rowid, sales_order_number) SELECT rowid, sales_order_number FROM orders;";

/* The same for the counts of 1 and 2 digits, which came with it: the
 * digits "0"…"9" and "00"…"99", and each user's counts. */
static const char digits_fill_sql[] =
  "WITH RECURSIVE i (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 99)"
  "  INSERT OR IGNORE INTO number_digits (digits)"
  "  SELECT printf ('%02d', k) FROM i UNION ALL SELECT k FROM i WHERE k < 10;"
  "DELETE FROM order_number_digits;"
  "INSERT INTO order_number_digits (tenant, partner, digits, n)"
  "  SELECT o.tenant, o.partner, d.digits, count(*) FROM orders o"
  "  JOIN number_digits d ON instr (o.sales_order_number, d.digits) > 0"
  "  GROUP BY o.tenant, o.partner, d.digits;";

/* ------------------------------------------------------------------------ */
/* SQL functions                                                             */

/* sa_casefold(text): g_utf8_casefold() of @text; NULL for NULL. */
static void
casefold_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  sqlite3_result_text (context, g_utf8_casefold (text, sqlite3_value_bytes (argv[0])), -1, g_free);
}

/**
 * sa_sandbox_match_folded:
 * @haystack: (nullable): text from the database
 * @needle_folded: the searched text, already through g_utf8_casefold()
 * @mode: how to match
 *
 * The Desk API's matching of a search value (docs/desk-api.md): contains,
 * starts with or equals, after Unicode case folding.
 *
 * Returns: %TRUE when @haystack matches
 */
gboolean
sa_sandbox_match_folded (const char       *haystack,
                         const char       *needle_folded,
                         SaSandboxMatch    mode)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);

  switch (mode)
    {
    case SA_SANDBOX_MATCH_PREFIX:
      return g_str_has_prefix (folded, needle_folded);
    case SA_SANDBOX_MATCH_EXACT:
      return strcmp (folded, needle_folded) == 0;
    case SA_SANDBOX_MATCH_CONTAINS:
    default:
      return strstr (folded, needle_folded) != NULL;
    }
}

/* sa_match(haystack, needle_folded, mode): sa_sandbox_match_folded(). */
static void
match_func (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  const char *haystack = (const char *) sqlite3_value_text (argv[0]);
  const char *needle = (const char *) sqlite3_value_text (argv[1]);

  sqlite3_result_int (context, needle != NULL &&
                      sa_sandbox_match_folded (haystack, needle,
                                               (SaSandboxMatch) sqlite3_value_int (argv[2])));
}

/**
 * sa_sandbox_db_setup:
 * @db: a connection just opened
 * @error: return location for a #GError
 *
 * Gives a connection what the searches need: the SQL functions sa_casefold()
 * (which the trigram tables' triggers call: every connection that writes
 * orders or Smart Accounts needs it) and sa_match(), a page cache of 32 MiB,
 * memory-mapped reads and temporary tables in memory.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_setup (sqlite3  *db,
                     GError  **error)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  if (sqlite3_create_function (db, "sa_casefold", 1, flags, NULL, casefold_func, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (db, "sa_match", 3, flags, NULL, match_func, NULL, NULL) != SQLITE_OK)
    return sa_sandbox_db_fail (db, "functions", error);

  return sa_sandbox_db_exec (db,
                             "PRAGMA cache_size = -" G_STRINGIFY (SA_SANDBOX_CACHE_KIB) ";"
                             "PRAGMA mmap_size = " SA_SANDBOX_MMAP_BYTES ";"
                             "PRAGMA temp_store = MEMORY",
                             error);
}

/**
 * sa_sandbox_db_search_schema:
 * @db: the connection, after the tables of schema_sql
 * @fill: the database had data before version 4: index them
 * @error: return location for a #GError
 *
 * Creates what schema version 5 adds: the indexes of the order list and of
 * the Sales Order No., the Smart Account name index, the trigram tables and
 * order_counts with their triggers; with @fill, puts the rows already there
 * in them. The trigram table of the Sales Order No. (orders_number_fts)
 * and the counts of 1 and 2 digits (order_number_digits) came later,
 * within version 5: a database without them gets them, filled.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_search_schema (sqlite3   *db,
                             gboolean   fill,
                             GError   **error)
{
  g_autoptr(sqlite3_stmt) number_table = NULL;
  g_autoptr(sqlite3_stmt) digits_table = NULL;
  gboolean had_number_table, had_digits_table;

  if (!sa_sandbox_db_query_row (db, &number_table, error,
                                "SELECT 1 FROM sqlite_schema WHERE name = 'orders_number_fts'", "") ||
      !sa_sandbox_db_query_row (db, &digits_table, error,
                                "SELECT 1 FROM sqlite_schema WHERE name = 'order_number_digits'", ""))
    return FALSE;
  had_number_table = number_table != NULL;
  had_digits_table = digits_table != NULL;
  g_clear_pointer (&number_table, sqlite3_finalize);
  g_clear_pointer (&digits_table, sqlite3_finalize);

  return sa_sandbox_db_exec (db, search_schema_sql, error) &&
         (!fill || sa_sandbox_db_exec (db, search_fill_sql, error)) &&
         (had_number_table || sa_sandbox_db_exec (db, number_fill_sql, error)) &&
         (had_digits_table || sa_sandbox_db_exec (db, digits_fill_sql, error));
}

/* ------------------------------------------------------------------------ */
/* Prepared statements and counts, once per connection                      */

#define MAX_COUNTS 256 /* counts kept per connection */
#define MAX_NODES  500 /* orders' JSON kept per connection: ten pages of 50 */
#define MAX_LISTS  32  /* searches' first pages (rowids) kept per connection */

/* One value of a Kept. */
typedef struct
{
  GList          link;       /* in its Kept's @order; data: this entry */
  char          *key;
  gpointer       value;
  GDestroyNotify value_free;
} KeptEntry;

/* Values kept while the database's data version (SQLITE_FCNTL_DATA_VERSION)
 * is @version: at most @max, the least recently used one forgotten for
 * each one more. */
typedef struct
{
  GHashTable *table;         /* key → KeptEntry */
  GQueue      order;         /* of the entries' links, most recently used first */
  guint32     version;
  guint       max;
} Kept;

static void
kept_entry_free (gpointer data)
{
  KeptEntry *entry = data;

  entry->value_free (entry->value);
  g_free (entry->key);
  g_free (entry);
}

static void
kept_init (Kept  *kept,
           guint  max)
{
  kept->table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, kept_entry_free);
  g_queue_init (&kept->order);
  kept->max = max;
}

static void
kept_remove_all (Kept *kept)
{
  /* the links are the entries' own */
  g_queue_init (&kept->order);
  g_hash_table_remove_all (kept->table);
}

static void
kept_remove (Kept      *kept,
             KeptEntry *entry)
{
  g_queue_unlink (&kept->order, &entry->link);
  g_hash_table_remove (kept->table, entry->key);
}

/* What a connection keeps: its statements (SQL text → statement), the
 * counts of its searches (key → gint64), valid while the database's data
 * version is @counts_version, the JSON of the orders of its recent pages
 * (key → sealed #JsonNode) and the first matches of its searches
 * (key → #GArray of rowids). Used only by the thread that holds the
 * connection. */
typedef struct
{
  GHashTable *stmts;
  GHashTable *counts;
  guint32     counts_version;
  Kept        nodes;
  Kept        lists;
} ConnectionCache;

/* connection → its ConnectionCache */
static GMutex caches_lock;
static GHashTable *caches;

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
connection_cache_free (gpointer data)
{
  ConnectionCache *cache = data;

  g_hash_table_unref (cache->stmts);
  g_hash_table_unref (cache->counts);
  g_hash_table_unref (cache->nodes.table);
  g_hash_table_unref (cache->lists.table);
  g_free (cache);
}

static ConnectionCache *
get_connection_cache (sqlite3 *db)
{
  ConnectionCache *cache;

  g_mutex_lock (&caches_lock);
  if (caches == NULL)
    caches = g_hash_table_new_full (NULL, NULL, NULL, connection_cache_free);
  cache = g_hash_table_lookup (caches, db);
  if (cache == NULL)
    {
      cache = g_new0 (ConnectionCache, 1);
      cache->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
      cache->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      kept_init (&cache->nodes, MAX_NODES);
      kept_init (&cache->lists, MAX_LISTS);
      g_hash_table_insert (caches, db, cache);
    }
  g_mutex_unlock (&caches_lock);

  return cache;
}

static GHashTable *
get_cache (sqlite3 *db)
{
  return get_connection_cache (db)->stmts;
}

/**
 * sa_sandbox_db_begin_read:
 * @db: the connection
 * @began: (out): whether a transaction began here (then end it with
 *   sa_sandbox_db_end_read()); %FALSE when @db was in one already
 * @error: return location for a #GError
 *
 * Opens a read transaction on @db and takes its snapshot, so that the
 * statements that follow (a search's count and its page) read the same
 * data, and sa_sandbox_db_count_lookup() can tell whether a count kept is
 * still the database's.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_db_begin_read (sqlite3   *db,
                          gboolean  *began,
                          GError   **error)
{
  g_autoptr(SaSandboxCachedStmt) snapshot = NULL;

  *began = FALSE;
  if (!sqlite3_get_autocommit (db))
    return TRUE;

  /* (an interrupted BEGIN may have begun: ended below) */
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      sa_sandbox_db_fail (db, "begin", error);
      sa_sandbox_db_end_read (db, TRUE);
      return FALSE;
    }

  /* reading the schema's cookie starts the read: the snapshot is taken */
  snapshot = sa_sandbox_db_cached (db, error, "PRAGMA schema_version");
  if (snapshot == NULL || sqlite3_step (snapshot) != SQLITE_ROW)
    {
      if (snapshot != NULL)
        sa_sandbox_db_fail (db, "read", error);
      g_clear_pointer (&snapshot, sa_sandbox_db_release);
      sa_sandbox_db_end_read (db, TRUE);
      return FALSE;
    }
  *began = TRUE;

  return TRUE;
}

/**
 * sa_sandbox_db_end_read:
 * @db: the connection
 * @began: what sa_sandbox_db_begin_read() gave: %FALSE does nothing
 *
 * Ends the read transaction of sa_sandbox_db_begin_read(), once its
 * statements are reset.
 */
void
sa_sandbox_db_end_read (sqlite3  *db,
                        gboolean  began)
{
  if (!began || sqlite3_get_autocommit (db))
    return;

  /* Not a cached statement: a new one runs too few steps to meet the
   * progress handler of a read connection (sa-sandbox-readers.c), which
   * would interrupt it when the request's client is gone, and leave the
   * connection in this transaction, on this snapshot, for good. */
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK &&
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("read transaction not ended: %s", sqlite3_errmsg (db));
}

/* The data version of @db's snapshot; FALSE outside a read transaction. */
static gboolean
get_data_version (sqlite3 *db,
                  guint32 *version)
{
  unsigned int v = 0;

  if (sqlite3_txn_state (db, "main") < SQLITE_TXN_READ ||
      sqlite3_file_control (db, "main", SQLITE_FCNTL_DATA_VERSION, &v) != SQLITE_OK)
    return FALSE;
  *version = v;

  return TRUE;
}

/**
 * sa_sandbox_db_count_lookup:
 * @db: the connection, in a read transaction (sa_sandbox_db_begin_read())
 * @key: what was counted: the count's SQL and the values bound to it
 * @count: (out): the count kept for @key
 *
 * A search's count kept by sa_sandbox_db_count_store() on this connection,
 * while the database has not changed since (its data version, which any
 * commit of any connection changes): the next pages of a search do not
 * count its matches again; totalRecords stays exact (docs/desk-api.md).
 *
 * Returns: %TRUE when @count is @key's
 */
gboolean
sa_sandbox_db_count_lookup (sqlite3    *db,
                            const char *key,
                            gint64     *count)
{
  ConnectionCache *cache = get_connection_cache (db);
  guint32 version;
  gint64 *kept;

  if (!get_data_version (db, &version))
    return FALSE;
  if (version != cache->counts_version)
    {
      g_hash_table_remove_all (cache->counts);
      cache->counts_version = version;
      return FALSE;
    }
  kept = g_hash_table_lookup (cache->counts, key);
  if (kept == NULL)
    return FALSE;
  *count = *kept;

  return TRUE;
}

/**
 * sa_sandbox_db_count_store:
 * @db: the connection, in the read transaction where @count was counted
 * @key: what was counted (see sa_sandbox_db_count_lookup())
 * @count: the count
 *
 * Keeps @count for sa_sandbox_db_count_lookup() (at most MAX_COUNTS per
 * connection, all forgotten when the database changes).
 */
void
sa_sandbox_db_count_store (sqlite3    *db,
                           const char *key,
                           gint64      count)
{
  ConnectionCache *cache = get_connection_cache (db);
  guint32 version;

  if (!get_data_version (db, &version))
    return;
  if (version != cache->counts_version || g_hash_table_size (cache->counts) >= MAX_COUNTS)
    g_hash_table_remove_all (cache->counts);
  cache->counts_version = version;
  g_hash_table_replace (cache->counts, g_strdup (key), g_memdup2 (&count, sizeof count));
}

/* The value kept for @key in @kept, or NULL (not kept, or the data of
 * @db's read transaction changed since). */
static gpointer
kept_lookup (sqlite3    *db,
             Kept       *kept,
             const char *key)
{
  KeptEntry *entry;
  guint32 version;

  if (!get_data_version (db, &version))
    return NULL;
  if (version != kept->version)
    {
      kept_remove_all (kept);
      kept->version = version;
      return NULL;
    }

  entry = g_hash_table_lookup (kept->table, key);
  if (entry == NULL)
    return NULL;
  g_queue_unlink (&kept->order, &entry->link);
  g_queue_push_head_link (&kept->order, &entry->link);

  return entry->value;
}

/* Keeps @value (transfer full) for @key in @kept, or frees it with
 * @value_free outside a read transaction. */
static void
kept_store (sqlite3        *db,
            Kept           *kept,
            const char     *key,
            gpointer        value,
            GDestroyNotify  value_free)
{
  KeptEntry *entry;
  guint32 version;

  if (!get_data_version (db, &version))
    {
      value_free (value);
      return;
    }
  if (version != kept->version)
    kept_remove_all (kept);
  kept->version = version;

  entry = g_hash_table_lookup (kept->table, key);
  if (entry != NULL)
    kept_remove (kept, entry);
  else if (g_hash_table_size (kept->table) >= kept->max)
    kept_remove (kept, kept->order.tail->data);

  entry = g_new0 (KeptEntry, 1);
  entry->key = g_strdup (key);
  entry->value = value;
  entry->value_free = value_free;
  entry->link.data = entry;
  g_queue_push_head_link (&kept->order, &entry->link);
  g_hash_table_insert (kept->table, entry->key, entry);
}

/**
 * sa_sandbox_db_node_lookup:
 * @db: the connection, in a read transaction (sa_sandbox_db_begin_read())
 * @key: what the JSON is of: for an order of a page, its tenant and Sales
 *   Order No. (sa-sandbox-orders.c)
 *
 * The JSON kept for @key by sa_sandbox_db_node_store() on this connection,
 * while the database has not changed since (its data version, which any
 * commit of any connection changes, a change of an order's Smart Accounts
 * included): the orders of a page already written are not built again,
 * and never stale.
 *
 * Returns: (transfer none) (nullable): the sealed node kept for @key, or
 *   %NULL (not kept, or the data changed)
 */
JsonNode *
sa_sandbox_db_node_lookup (sqlite3    *db,
                           const char *key)
{
  return kept_lookup (db, &get_connection_cache (db)->nodes, key);
}

/**
 * sa_sandbox_db_node_store:
 * @db: the connection, in the read transaction where @node was read
 * @key: what @node is of (see sa_sandbox_db_node_lookup())
 * @node: (transfer none): the JSON, sealed (json_node_seal()): a reference
 *   is kept
 *
 * Keeps @node for sa_sandbox_db_node_lookup(): at most MAX_NODES per
 * connection (the least recently used forgotten for each one more; all
 * when the database changes).
 */
void
sa_sandbox_db_node_store (sqlite3    *db,
                          const char *key,
                          JsonNode   *node)
{
  g_return_if_fail (json_node_is_immutable (node));

  kept_store (db, &get_connection_cache (db)->nodes, key, json_node_ref (node),
              (GDestroyNotify) json_node_unref);
}

/**
 * sa_sandbox_db_list_lookup:
 * @db: the connection, in a read transaction (sa_sandbox_db_begin_read())
 * @key: what was searched: the search's SQL and the values bound to it
 *
 * The matches of a search kept by sa_sandbox_db_list_store() on this
 * connection, while the database has not changed since (as
 * sa_sandbox_db_count_lookup()): a search's next pages, and the same page
 * asked again, take their orders from it instead of finding them again.
 *
 * Returns: (transfer none) (nullable) (element-type gint64): the rowids of
 *   the matches, in list order; %NULL when not kept
 */
GArray *
sa_sandbox_db_list_lookup (sqlite3    *db,
                           const char *key)
{
  return kept_lookup (db, &get_connection_cache (db)->lists, key);
}

/**
 * sa_sandbox_db_list_store:
 * @db: the connection, in the read transaction where @list was read
 * @key: what was searched (see sa_sandbox_db_list_lookup())
 * @list: (transfer none) (element-type gint64): the rowids of the matches,
 *   in list order: a reference is kept
 *
 * Keeps @list for sa_sandbox_db_list_lookup(): at most MAX_LISTS per
 * connection (the least recently used forgotten for each one more; all
 * when the database changes). The caller bounds their length.
 */
void
sa_sandbox_db_list_store (sqlite3    *db,
                          const char *key,
                          GArray     *list)
{
  kept_store (db, &get_connection_cache (db)->lists, key, g_array_ref (list),
              (GDestroyNotify) g_array_unref);
}

/**
 * sa_sandbox_db_cached:
 * @db: the connection
 * @error: return location for a #GError
 * @sql: one constant SQL statement with parameters ?1, ?2…
 *
 * The statement of @sql on @db, prepared once (sqlite3_prepare_v3() with
 * %SQLITE_PREPARE_PERSISTENT) and kept until sa_sandbox_db_close(); when it
 * is in use already (a nested call), a new one. Bind its parameters, step
 * it, then hand it back with sa_sandbox_db_release() (g_autoptr of
 * #SaSandboxCachedStmt does): a statement not reset keeps its read
 * transaction open.
 *
 * Returns: (transfer full) (nullable): the statement; %NULL with
 *   %G_IO_ERROR_FAILED when SQLite refuses @sql
 */
sqlite3_stmt *
sa_sandbox_db_cached (sqlite3     *db,
                      GError     **error,
                      const char  *sql)
{
  GHashTable *cache = get_cache (db);
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, sql);

  if (stmt != NULL && !sqlite3_stmt_busy (stmt))
    return stmt;

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sa_sandbox_db_fail (db, "prepare", error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  if (!g_hash_table_contains (cache, sql))
    g_hash_table_insert (cache, g_strdup (sql), stmt);

  return stmt;
}

/**
 * sa_sandbox_db_release:
 * @stmt: (nullable) (transfer full): a statement of sa_sandbox_db_cached()
 *
 * Resets @stmt and clears its parameters for the next use (or finalizes it
 * when it was the extra one of a nested call).
 */
void
sa_sandbox_db_release (sqlite3_stmt *stmt)
{
  GHashTable *cache;

  if (stmt == NULL)
    return;

  cache = get_cache (sqlite3_db_handle (stmt));
  if (g_hash_table_lookup (cache, sqlite3_sql (stmt)) == stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    sqlite3_finalize (stmt);
}

/**
 * sa_sandbox_db_close:
 * @db: (nullable) (transfer full): a connection of sa_sandbox_db_open()
 *
 * Finalizes the connection's cached statements and closes it.
 */
void
sa_sandbox_db_close (sqlite3 *db)
{
  if (db == NULL)
    return;

  g_mutex_lock (&caches_lock);
  if (caches != NULL)
    g_hash_table_remove (caches, db);
  g_mutex_unlock (&caches_lock);

  sqlite3_close_v2 (db);
}
