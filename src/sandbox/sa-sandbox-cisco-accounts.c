/* sa-sandbox-cisco-accounts.c — Smart Accounts and Virtual Accounts under
 * Cisco's paths, from the user's training data, and who may see what
 *
 * Under /services/api/smart-accounts-and-licensing (CISCO-APIS.md §1.2,
 * §6.3 to §6.5), with Cisco's field names and casing:
 * - GET /v1/accounts/search?domain=|name=&type=&limit=&offset=: a substring
 *   match (as Cisco's), both types unless `type`; a restricted Smart Account
 *   only when the domain or name given is its whole domain or name (the
 *   portal's rule); `id` a number; statuses in title case;
 * - GET /v2/accounts[?domain=]: the accounts the user has a role on, with
 *   the roles (no `id`, as Cisco's);
 * - GET /v1/accounts/{domain}/{type}/virtual-accounts: `type` in any case,
 *   `isDefault` the string "true" or "false".
 *
 * Roles: the training data's (table account_roles), and "Smart Account User"
 * on every account of an approved access request. A Smart Account role
 * shows every Virtual Account; a Virtual Account role that one only; a
 * Viewer changes nothing. An expired account request's Smart Account does
 * not exist for Cisco: it never appears.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-cisco-private.h"

#include <string.h>

#include "sa-validate.h"

#define MAX_SEARCH_LIMIT     1000  /* Cisco's hard cap (§1.2) */
#define DEFAULT_SEARCH_LIMIT 50

/* Every role of the tenant ?1: account, role, Virtual Account, position. */
#define ROLES_SQL \
  "SELECT account_id, role, virtual_account, position FROM account_roles WHERE tenant = ?1" \
  " UNION ALL SELECT account_id, 'Smart Account User', NULL, -1 FROM access_requests" \
  "  WHERE tenant = ?1 AND status = 'APPROVED'"

/* ------------------------------------------------------------------------ */
/* Shared                                                                    */

/**
 * sa_sandbox_cisco_status_text:
 * @desk_status: a Smart Account status of the database, "ACTIVE"
 *
 * Returns: (transfer none): Cisco's text for it, in title case: "Active" (as
 *   documented, CISCO-APIS.md §1.2), "Pending", "Expired" (synthesized)
 */
const char *
sa_sandbox_cisco_status_text (const char *desk_status)
{
  if (g_strcmp0 (desk_status, "ACTIVE") == 0)
    return "Active";
  if (g_strcmp0 (desk_status, "PENDING") == 0)
    return "Pending";
  if (g_strcmp0 (desk_status, "EXPIRED") == 0)
    return "Expired";

  return desk_status != NULL ? desk_status : "";
}

/**
 * sa_sandbox_cisco_account_number:
 * @account_id: a Smart Account id of the database, "SA-100001"
 *
 * Returns: the numeric `id` Cisco's search gives it: 100001
 */
gint64
sa_sandbox_cisco_account_number (const char *account_id)
{
  const char *digits = account_id != NULL ? strchr (account_id, '-') : NULL;

  return digits != NULL ? g_ascii_strtoll (digits + 1, NULL, 10) : 0;
}

/**
 * sa_sandbox_cisco_access_clear:
 * @access: what a user may do in a Smart Account
 *
 * Frees its members (for g_auto(SaSandboxCiscoAccess)).
 */
void
sa_sandbox_cisco_access_clear (SaSandboxCiscoAccess *access)
{
  g_clear_pointer (&access->virtual_accounts, g_hash_table_unref);
}

/**
 * sa_sandbox_cisco_get_access:
 * @db: the connection
 * @tenant: the user's tenant
 * @account_id: a Smart Account id
 * @access: (out caller-allocates): what the user may do there, from their
 *   roles (see the top of this file)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_cisco_get_access (sqlite3              *db,
                             const char           *tenant,
                             const char           *account_id,
                             SaSandboxCiscoAccess *access,
                             GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  memset (access, 0, sizeof *access);
  access->virtual_accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = sa_sandbox_db_prepare (db, error,
                                "SELECT role, virtual_account FROM (" ROLES_SQL ") WHERE account_id = ?2",
                                "tt", tenant, account_id);
  if (stmt == NULL)
    return FALSE;
  while (sa_sandbox_db_next (stmt, &local_error))
    {
      const char *role = sa_sandbox_db_text (stmt, 0);
      const char *virtual_account = sa_sandbox_db_text (stmt, 1);
      gboolean changes = !g_str_has_suffix (role, "Viewer");

      access->any = TRUE;
      if (virtual_account == NULL)
        {
          access->whole_account = TRUE;
          access->account_changes |= changes;
        }
      else if (changes || !g_hash_table_contains (access->virtual_accounts, virtual_account))
        g_hash_table_insert (access->virtual_accounts, g_strdup (virtual_account), GINT_TO_POINTER (changes));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * sa_sandbox_cisco_access_sees:
 * @access: what a user may do in a Smart Account
 * @virtual_account: one of its Virtual Accounts
 *
 * Returns: %TRUE when the user may see that Virtual Account's licenses
 */
gboolean
sa_sandbox_cisco_access_sees (const SaSandboxCiscoAccess *access,
                              const char                 *virtual_account)
{
  return access->whole_account || g_hash_table_contains (access->virtual_accounts, virtual_account);
}

/**
 * sa_sandbox_cisco_access_changes:
 * @access: what a user may do in a Smart Account
 * @virtual_account: one of its Virtual Accounts
 *
 * Returns: %TRUE when the user may move that Virtual Account's licenses (a
 *   role that is not a Viewer's, on the account or on that Virtual Account)
 */
gboolean
sa_sandbox_cisco_access_changes (const SaSandboxCiscoAccess *access,
                                 const char                 *virtual_account)
{
  return access->account_changes ||
         GPOINTER_TO_INT (g_hash_table_lookup (access->virtual_accounts, virtual_account));
}

/**
 * sa_sandbox_cisco_query_number:
 * @request: a request of a Cisco-shaped path
 * @name: a query parameter, "limit"
 * @min: its least value
 * @max: its greatest value
 * @value: (inout): its value; unchanged when the parameter is absent
 *
 * Returns: %TRUE unless the parameter is not a whole number from @min to
 *   @max, in which case 400 is answered in Cisco's shape
 */
gboolean
sa_sandbox_cisco_query_number (SaSandboxRequest *request,
                               const char       *name,
                               gint64            min,
                               gint64            max,
                               gint64           *value)
{
  const char *text = g_hash_table_lookup (request->query, name);
  gint64 n;

  if (text == NULL)
    return TRUE;
  if ((g_ascii_isdigit (*text) || (*text == '-' && g_ascii_isdigit (text[1]))) &&
      g_ascii_string_to_signed (text, 10, min, max, &n, NULL))
    {
      *value = n;
      return TRUE;
    }

  {
    g_autofree char *message = g_strdup_printf ("%s must be a whole number from %" G_GINT64_FORMAT
                                                " to %" G_GINT64_FORMAT, name, min, max);

    sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, message);
  }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* GET /v1/accounts/search                                                   */

typedef struct
{
  const char *domain;    /* casefolded, or NULL */
  const char *name;
} SaSearch;

static gboolean
text_matches (const char *text,
              const char *folded,
              gboolean    whole)
{
  g_autofree char *haystack = g_utf8_casefold (text, -1);

  return whole ? g_str_equal (haystack, folded) : strstr (haystack, folded) != NULL;
}

/* Whether the account of the row (domain, name, restricted at @column + 1, +
 * 2, + 5) is found: a substring of each given field, or for a restricted one
 * the whole of it. */
static gboolean
search_matches (const SaSearch *search,
                sqlite3_stmt   *stmt)
{
  gboolean restricted = sqlite3_column_int (stmt, 5) != 0;

  return (search->domain == NULL || text_matches (sa_sandbox_db_text (stmt, 1), search->domain, restricted)) &&
         (search->name == NULL || text_matches (sa_sandbox_db_text (stmt, 2), search->name, restricted));
}

static void
add_search_row (JsonBuilder  *builder,
                sqlite3_stmt *stmt)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 1));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 2));
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sa_sandbox_cisco_account_number (sa_sandbox_db_text (stmt, 0)));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 3));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, sa_sandbox_cisco_status_text (sa_sandbox_db_text (stmt, 4)));
  json_builder_end_object (builder);
}

/* A search field given; FALSE with 400 answered when its text is not valid. */
static gboolean
read_search_field (SaSandboxRequest  *request,
                   const char        *name,
                   char             **folded)
{
  const char *value = g_hash_table_lookup (request->query, name);
  g_autofree char *stripped = NULL;

  if (value == NULL)
    return TRUE;
  stripped = g_strstrip (g_strdup (value));
  if (!sa_sandbox_text_is_valid (stripped, 255))
    {
      g_autofree char *message = g_strdup_printf ("%s is not a valid search text", name);

      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, message);
      return FALSE;
    }
  *folded = g_utf8_casefold (stripped, -1);

  return TRUE;
}

static void
search_accounts (SaSandboxRequest *request)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  const char *type_text = g_hash_table_lookup (request->query, "type");
  gint64 limit = DEFAULT_SEARCH_LIMIT, offset = 0, total = 0;
  SaSearch search = { NULL, NULL };

  if (!read_search_field (request, "domain", &domain) ||
      !read_search_field (request, "name", &name))
    return;
  if (domain == NULL && name == NULL)
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, "domain or name is required");
      return;
    }
  if (type_text != NULL && g_ascii_strcasecmp (type_text, "CUSTOMER") != 0 &&
      g_ascii_strcasecmp (type_text, "HOLDING") != 0)
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, "type is CUSTOMER or HOLDING");
      return;
    }
  if (!sa_sandbox_cisco_query_number (request, "limit", 1, MAX_SEARCH_LIMIT, &limit) ||
      !sa_sandbox_cisco_query_number (request, "offset", 0, G_MAXINT32, &offset))
    return;
  if (type_text != NULL)
    type = g_ascii_strup (type_text, -1);
  search.domain = domain;
  search.name = name;

  stmt = sa_sandbox_db_prepare (request->db, &error,
                                "SELECT id, domain, name, type, status, restricted FROM smart_accounts"
                                " WHERE tenant = ?1 AND status <> 'EXPIRED' AND (?2 IS NULL OR type = ?2)"
                                " ORDER BY name COLLATE NOCASE, type",
                                "tt", request->caller->tenant, type);
  if (stmt == NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  while (sa_sandbox_db_next (stmt, &error))
    {
      if (!search_matches (&search, stmt))
        continue;
      if (total >= offset && total < offset + limit)
        add_search_row (builder, stmt);
      total++;
    }
  if (error != NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, total);
  sa_sandbox_cisco_add_success (builder);
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

/* ------------------------------------------------------------------------ */
/* GET /v2/accounts                                                          */

static void
list_account_access (SaSandboxRequest *request)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *previous = NULL;
  const char *domain = g_hash_table_lookup (request->query, "domain");
  gboolean no_roles = sa_sandbox_cisco_request_has_fault (request, SA_SANDBOX_CISCO_FAULT_NO_ROLES);

  if (domain != NULL && !sa_sandbox_text_is_valid (domain, 255))
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, "domain is not valid");
      return;
    }

  stmt = sa_sandbox_db_prepare (request->db, &error,
                                "SELECT a.id, a.name, a.domain, a.status, a.type, r.role, r.virtual_account"
                                " FROM (" ROLES_SQL ") r"
                                " JOIN smart_accounts a ON a.tenant = ?1 AND a.id = r.account_id"
                                " WHERE a.status <> 'EXPIRED' AND (?2 IS NULL OR lower(a.domain) = lower(?2))"
                                " ORDER BY a.name COLLATE NOCASE, a.type, a.id, r.position, r.role",
                                "tt", request->caller->tenant, domain);
  if (stmt == NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  while (!no_roles && sa_sandbox_db_next (stmt, &error))
    {
      const char *id = sa_sandbox_db_text (stmt, 0);

      if (g_strcmp0 (previous, id) != 0)
        {
          if (previous != NULL)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          g_free (previous);
          previous = g_strdup (id);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "accountName");
          json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 1));
          json_builder_set_member_name (builder, "accountDomain");
          json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 2));
          json_builder_set_member_name (builder, "accountStatus");
          json_builder_add_string_value (builder, sa_sandbox_cisco_status_text (sa_sandbox_db_text (stmt, 3)));
          json_builder_set_member_name (builder, "accountType");
          json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 4));
          json_builder_set_member_name (builder, "roles");
          json_builder_begin_array (builder);
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 5));
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          json_builder_set_member_name (builder, "virtualAccount");
          json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 6));
        }
      json_builder_end_object (builder);
    }
  if (error != NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }
  if (previous != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sa_sandbox_cisco_add_success (builder);
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

/* ------------------------------------------------------------------------ */
/* GET /v1/accounts/{domain}/{type}/virtual-accounts                         */

static void
list_virtual_accounts (SaSandboxRequest *request)
{
  const char *domain = sa_sandbox_request_get_param (request, "domain");
  const char *type = sa_sandbox_request_get_param (request, "type");
  g_autoptr(sqlite3_stmt) account = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *type_upper = NULL;
  g_auto(SaSandboxCiscoAccess) access = { 0 };

  if (g_ascii_strcasecmp (type, "customer") != 0 && g_ascii_strcasecmp (type, "holding") != 0)
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, "Invalid account type");
      return;
    }
  if (!sa_validate_domain (domain, NULL))
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, "Invalid domain");
      return;
    }
  type_upper = g_ascii_strup (type, -1);

  if (!sa_sandbox_db_query_row (request->db, &account, &error,
                                "SELECT id, restricted FROM smart_accounts WHERE tenant = ?1"
                                " AND lower(domain) = lower(?2) AND type = ?3 AND status <> 'EXPIRED'",
                                "ttt", request->caller->tenant, domain, type_upper) ||
      (account != NULL &&
       !sa_sandbox_cisco_get_access (request->db, request->caller->tenant, sa_sandbox_db_text (account, 0),
                                     &access, &error)))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }
  /* a restricted account is not there for those without a role on it */
  if (account == NULL || (sqlite3_column_int (account, 1) != 0 && !access.any))
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_NOT_FOUND, "Smart Account not found");
      return;
    }

  stmt = sa_sandbox_db_prepare (request->db, &error,
                                "SELECT name, description, is_default FROM virtual_accounts"
                                " WHERE tenant = ?1 AND account_id = ?2 ORDER BY is_default DESC, position, name",
                                "tt", request->caller->tenant, sa_sandbox_db_text (account, 0));
  if (stmt == NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "virtualAccounts");
  json_builder_begin_array (builder);
  while (sa_sandbox_db_next (stmt, &error))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 0));
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, 1));
      json_builder_set_member_name (builder, "isDefault");  /* a string (§1.2) */
      json_builder_add_string_value (builder, sqlite3_column_int (stmt, 2) != 0 ? "true" : "false");
      json_builder_set_member_name (builder, "commerceAccessLevel");
      json_builder_add_string_value (builder, "PUBLIC");
      json_builder_end_object (builder);
    }
  if (error != NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }
  json_builder_end_array (builder);
  sa_sandbox_cisco_add_success (builder);
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

static const SaSandboxRoute routes[] = {
  { "GET", SA_SANDBOX_CISCO_LICENSING_PATH "/v1/accounts/search", search_accounts, SA_SANDBOX_CISCO },
  { "GET", SA_SANDBOX_CISCO_LICENSING_PATH "/v2/accounts", list_account_access, SA_SANDBOX_CISCO },
  { "GET", SA_SANDBOX_CISCO_LICENSING_PATH "/v1/accounts/{domain}/{type}/virtual-accounts",
    list_virtual_accounts, SA_SANDBOX_CISCO },
};

const SaSandboxRouteTable sa_sandbox_cisco_accounts_routes = SA_SANDBOX_ROUTE_TABLE (routes);
