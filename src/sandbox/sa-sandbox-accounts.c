/* sa-sandbox-accounts.c — Smart Accounts and their Virtual Accounts: the
 * search of the Assign Smart Account dialog (procedures 1 and 2) and the
 * Virtual Account drop-down
 *
 * Restricted Smart Accounts are found only by users with an approved access
 * request for them (procedure 4, sa-sandbox-access-requests.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

#include "sa-types.h"
#include "sa-validate.h"

/**
 * sa_sandbox_accounts_add_json:
 * @builder: a builder where a value goes
 * @stmt: a statement standing on a row
 * @first_column: the first of the columns id, domain, name, type, status,
 *   email of a Smart Account, in that order
 *
 * Adds the Smart Account object of the row (docs/desk-api.md, "Objects"), as
 * searches, account requests and access requests show it.
 */
void
sa_sandbox_accounts_add_json (JsonBuilder  *builder,
                              sqlite3_stmt *stmt,
                              int           first_column)
{
  static const char *const names[] = { "id", "domain", "name", "type", "status", "email" };

  json_builder_begin_object (builder);
  sa_sandbox_json_add_columns (builder, stmt, names, G_N_ELEMENTS (names), first_column);
  json_builder_end_object (builder);
}

/**
 * sa_sandbox_accounts_write_row:
 * @builder: a builder inside an array
 * @stmt: a statement standing on a row whose first columns are id, domain,
 *   name, type, status, email
 * @unused: unused
 *
 * The #SaSandboxRowWriter of lists of Smart Accounts.
 */
void
sa_sandbox_accounts_write_row (JsonBuilder  *builder,
                               sqlite3_stmt *stmt,
                               gpointer      unused)
{
  sa_sandbox_accounts_add_json (builder, stmt, 0);
}

/* The search field given (exactly one of domain, name, email) and its
 * value; FALSE (and 400 sent) when the search is not valid. */
static gboolean
parse_search (SoupServerMessage    *msg,
              GHashTable           *query,
              SaAccountSearchField *field,
              const char          **value)
{
  static const char *const fields[] = { "domain", "name", "email" };
  guint given = 0, i;

  for (i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = g_hash_table_lookup (query, fields[i]);

      if (v != NULL)
        {
          given++;
          *value = v;
          sa_account_search_field_from_string (fields[i], field);
        }
    }
  if (given != 1)
    {
      sa_sandbox_respond_invalid (msg, NULL, "Give exactly one of domain, name or email");
      return FALSE;
    }
  if (!sa_validate_account_search (*field, *value, NULL))
    {
      sa_sandbox_respond_invalid (msg, sa_account_search_field_to_string (*field),
                                  "The search value is not valid");
      return FALSE;
    }

  return TRUE;
}

/* The conditions of the account search: the caller's accounts of the type
 * asked for (?2, or any), restricted ones only with an approved access
 * request, matching ?3 (the trigram query, for values of 3 characters or
 * more) or ?4 (the folded value, through sa_match() on the column named
 * last, for shorter ones). ACCOUNT_SCOPE walks the name index in order;
 * ACCOUNT_DRIVEN ("+" keeps SQLite off the tenant's indexes) lets the
 * trigram matches drive: the count, and the page of at most SMALL_RESULT
 * accounts, sorted (ACCOUNT_SORT: the same order, which no index gives). */
#define SMALL_RESULT    1000
#define ACCOUNT_SCOPE \
  " FROM smart_accounts WHERE tenant = ?1 AND (?2 IS NULL OR type = ?2)" \
  " AND " SA_SANDBOX_ACCOUNT_REACHABLE
#define ACCOUNT_DRIVEN \
  " FROM smart_accounts WHERE +tenant = ?1 AND (?2 IS NULL OR type = ?2)" \
  " AND " SA_SANDBOX_ACCOUNT_REACHABLE
#define ACCOUNT_TRIGRAM " rowid IN (SELECT rowid FROM smart_accounts_fts WHERE smart_accounts_fts MATCH ?3)"
#define ACCOUNT_PAGE    " ORDER BY name COLLATE NOCASE, type, rowid LIMIT ?5 OFFSET ?6"
#define ACCOUNT_SORT    " ORDER BY +name COLLATE NOCASE, +type, +rowid LIMIT ?5 OFFSET ?6"
#define ACCOUNT_COLUMNS "SELECT id, domain, name, type, status, email"

static void
bind_account_search (sqlite3_stmt *stmt,
                     const char   *tenant,
                     const char   *type,
                     const char   *trigram,
                     const char   *folded)
{
  sqlite3_bind_text (stmt, 1, tenant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  if (trigram != NULL)
    sqlite3_bind_text (stmt, 3, trigram, -1, SQLITE_STATIC);
  else
    sqlite3_bind_text (stmt, 4, folded, -1, SQLITE_STATIC);
}

/**
 * sa_sandbox_account_search_sql:
 * @column: the searched column: "domain", "name" or "email" (a constant)
 * @trigram: the value has 3 characters or more: the trigram table
 *   smart_accounts_fts finds the matches (?3); otherwise sa_match() on
 *   @column (?4)
 * @small: the page's variant for at most SMALL_RESULT matches (found from
 *   the matches, then sorted) instead of the walk of the name index
 * @count_sql: (out) (transfer full) (optional): the count's statement
 *
 * The statements of the account search (build_account_search()), for it and
 * for the test of the query plans.
 *
 * Returns: (transfer full): the page's statement: its columns id, domain,
 *   name, type, status, email; ?5 LIMIT, ?6 OFFSET
 */
char *
sa_sandbox_account_search_sql (const char  *column,
                               gboolean     trigram,
                               gboolean     small,
                               char       **count_sql)
{
  g_autofree char *filter = trigram ? NULL : g_strdup_printf (" AND sa_match (%s, ?4, 0)", column);

  if (count_sql != NULL)
    *count_sql = trigram ? g_strdup ("SELECT count(*)" ACCOUNT_DRIVEN " AND" ACCOUNT_TRIGRAM)
                         : g_strconcat ("SELECT count(*)" ACCOUNT_SCOPE, filter, NULL);
  if (!trigram)
    return g_strconcat (ACCOUNT_COLUMNS ACCOUNT_SCOPE, filter, ACCOUNT_PAGE, NULL);
  if (small)
    return g_strdup (ACCOUNT_COLUMNS ACCOUNT_DRIVEN " AND" ACCOUNT_TRIGRAM ACCOUNT_SORT);
  return g_strdup (ACCOUNT_COLUMNS ACCOUNT_SCOPE " AND +" ACCOUNT_TRIGRAM ACCOUNT_PAGE);
}

/* The account search of the Assign Smart Account dialog (procedures 1 and
 * 2: "search by Domain Identifier / Account Name / E-mail"), in SQL: a
 * count (kept for the next pages while the data stay the same), then the
 * page (docs/desk-api.md, "Smart Accounts"); in the read transaction of
 * search_accounts(). */
static JsonBuilder *
build_account_search (sqlite3         *db,
                      const char      *tenant,
                      const char      *type,
                      const char      *column,
                      const char      *folded,
                      const guint64    paging[2],
                      GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SaSandboxCachedStmt) count = NULL;
  g_autoptr(SaSandboxCachedStmt) page = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trigram = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *page_sql = NULL;
  g_autofree char *key = NULL;
  gint64 total;
  const char *p;

  if (g_utf8_strlen (folded, -1) >= 3)
    {
      g_autoptr(GString) query = g_string_new (column);

      g_string_append (query, " : \"");
      for (p = folded; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
      trigram = g_string_free (g_steal_pointer (&query), FALSE);
    }

  g_free (sa_sandbox_account_search_sql (column, trigram != NULL, FALSE, &count_sql));
  key = g_strjoin ("\x1f", count_sql, tenant, type != NULL ? type : "", folded, NULL);
  if (!sa_sandbox_db_count_lookup (db, key, &total))
    {
      count = sa_sandbox_db_cached (db, error, count_sql);
      if (count == NULL)
        return NULL;
      bind_account_search (count, tenant, type, trigram, folded);
      if (sqlite3_step (count) != SQLITE_ROW)
        {
          sa_sandbox_db_fail (db, "count", error);
          return NULL;
        }
      total = sqlite3_column_int64 (count, 0);
      sa_sandbox_db_count_store (db, key, total);
    }

  page_sql = sa_sandbox_account_search_sql (column, trigram != NULL, total <= SMALL_RESULT, NULL);
  page = sa_sandbox_db_cached (db, error, page_sql);
  if (page == NULL)
    return NULL;
  bind_account_search (page, tenant, type, trigram, folded);
  sqlite3_bind_int64 (page, 5, (gint64) paging[0]);
  sqlite3_bind_int64 (page, 6, (gint64) paging[1]);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  while (sa_sandbox_db_next (page, &local_error))
    sa_sandbox_accounts_write_row (builder, page, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, total);
  json_builder_end_object (builder);

  return g_steal_pointer (&builder);
}

/* GET /v1/accounts/search?domain=|name=|email=&type=&limit=&offset= */
static void
search_accounts (SaSandboxRequest *request)
{
  /* the columns of the search fields */
  static const char *const columns[] = {
    [SA_ACCOUNT_SEARCH_DOMAIN] = "domain", [SA_ACCOUNT_SEARCH_NAME] = "name",
    [SA_ACCOUNT_SEARCH_EMAIL] = "email",
  };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  const char *type = g_hash_table_lookup (request->query, "type");
  const char *value = NULL;
  SaAccountSearchField field = SA_ACCOUNT_SEARCH_DOMAIN;
  SaAccountType account_type;
  guint64 paging[2]; /* limit, offset */
  gboolean began;

  if (!parse_search (request->msg, request->query, &field, &value))
    return;
  if (type != NULL && !sa_account_type_from_string (type, &account_type))
    {
      sa_sandbox_respond_invalid (request->msg, "type", "type is CUSTOMER or HOLDING");
      return;
    }
  if (!sa_sandbox_parse_paging (request->msg, request->query, &paging[0], &paging[1]))
    return;

  folded = g_utf8_casefold (value, -1);
  /* the count and the page: one snapshot */
  if (sa_sandbox_db_begin_read (request->db, &began, &error))
    {
      builder = build_account_search (request->db, request->caller->tenant, type, columns[field], folded,
                                      paging, &error);
      sa_sandbox_db_end_read (request->db, began);
    }
  if (builder == NULL)
    sa_sandbox_respond_gerror (request->msg, error);
  else
    sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

static void
write_virtual_account_row (JsonBuilder  *builder,
                           sqlite3_stmt *stmt,
                           gpointer      unused)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 0));
  json_builder_set_member_name (builder, "isDefault");
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 1) != 0);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 2));
  json_builder_end_object (builder);
}

/* GET /v1/accounts/{domain}/{type}/virtual-accounts: DEFAULT first; a
 * restricted account the caller cannot reach is not found (404). */
static void
list_virtual_accounts (SaSandboxRequest *request)
{
  const char *domain = sa_sandbox_request_get_param (request, "domain");
  g_autoptr(sqlite3_stmt) account = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  SaAccountType account_type;
  SaSandboxList list = { "virtualAccounts", write_virtual_account_row, NULL, 0, NULL, 0, 0, FALSE };

  if (!sa_validate_domain (domain, NULL))
    {
      sa_sandbox_respond_invalid (request->msg, "domain", "The Domain Identifier is not valid");
      return;
    }
  if (!sa_account_type_from_string (sa_sandbox_request_get_param (request, "type"), &account_type))
    {
      sa_sandbox_respond_invalid (request->msg, "type", "type is CUSTOMER or HOLDING");
      return;
    }

  if (sa_sandbox_db_query_row (request->db, &account, &error,
                               "SELECT id FROM smart_accounts WHERE tenant = ?1 AND domain = ?2 AND type = ?3"
                               " AND " SA_SANDBOX_ACCOUNT_REACHABLE,
                               "ttt", request->caller->tenant, domain,
                               sa_account_type_to_string (account_type)) &&
      account == NULL)
    {
      sa_sandbox_respond_error (request->msg, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
                                "No Smart Account has this Domain Identifier and type");
      return;
    }
  if (account != NULL)
    stmt = sa_sandbox_db_prepare (request->db, &error,
                                  "SELECT name, is_default, description FROM virtual_accounts"
                                  " WHERE tenant = ?1 AND account_id = ?2"
                                  " ORDER BY is_default DESC, position, name",
                                  "tt", request->caller->tenant, sa_sandbox_db_text (account, 0));
  sa_sandbox_respond_list (request->msg, stmt, &list, error);
}

static const SaSandboxRoute routes[] = {
  { "GET", "/v1/accounts/search", search_accounts, SA_SANDBOX_SIGNED_IN, SA_SANDBOX_READS_ONLY },
  { "GET", "/v1/accounts/{domain}/{type}/virtual-accounts", list_virtual_accounts, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_accounts_routes = SA_SANDBOX_ROUTE_TABLE (routes);
