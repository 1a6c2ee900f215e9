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

/* GET /v1/accounts/search?domain=|name=|email=&type=&limit=&offset= */
static void
search_accounts (SaSandboxRequest *request)
{
  /* the columns of the search fields in the SELECT below */
  static const int columns[] = {
    [SA_ACCOUNT_SEARCH_DOMAIN] = 1, [SA_ACCOUNT_SEARCH_NAME] = 2, [SA_ACCOUNT_SEARCH_EMAIL] = 5,
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  const char *type = g_hash_table_lookup (request->query, "type");
  const char *value = NULL;
  SaAccountSearchField field = SA_ACCOUNT_SEARCH_DOMAIN;
  SaAccountType account_type;
  SaSandboxList list = { "accounts", sa_sandbox_accounts_write_row, NULL, 0, NULL, 0, 0, FALSE };

  if (!parse_search (request->msg, request->query, &field, &value))
    return;
  if (type != NULL && !sa_account_type_from_string (type, &account_type))
    {
      sa_sandbox_respond_invalid (request->msg, "type", "type is CUSTOMER or HOLDING");
      return;
    }
  if (!sa_sandbox_parse_paging (request->msg, request->query, &list.limit, &list.offset))
    return;

  folded = g_utf8_casefold (value, -1);
  list.match = folded;
  list.match_column = columns[field];
  stmt = sa_sandbox_db_prepare (request->db, &error,
                                "SELECT id, domain, name, type, status, email FROM smart_accounts"
                                " WHERE tenant = ?1 AND (?2 IS NULL OR type = ?2)"
                                " AND " SA_SANDBOX_ACCOUNT_REACHABLE
                                " ORDER BY name COLLATE NOCASE, type",
                                "tt", request->caller->tenant, type);
  sa_sandbox_respond_list (request->msg, stmt, &list, error);
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
  { "GET", "/v1/accounts/search", search_accounts, SA_SANDBOX_SIGNED_IN },
  { "GET", "/v1/accounts/{domain}/{type}/virtual-accounts", list_virtual_accounts, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_accounts_routes = SA_SANDBOX_ROUTE_TABLE (routes);
