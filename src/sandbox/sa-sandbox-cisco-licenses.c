/* sa-sandbox-cisco-licenses.c — licenses under Cisco's paths: the list of a
 * Smart Account's licenses (paged) and their transfer between Virtual
 * Accounts, from the user's training data (the license model:
 * sa-sandbox-licenses.c)
 *
 * Under /services/api/smart-accounts-and-licensing (CISCO-APIS.md §1.2,
 * §6.6, §6.7):
 * - POST /v1/accounts/{domain}/licenses, body `{"virtualAccounts": […],
 *   "limit": N, "offset": N}`; `limit`/`offset` in the body and in the query
 *   (the query's win), `limit` -1 for all; an empty body is refused (400);
 *   no `virtualAccounts` (or an empty list): every Virtual Account the user
 *   may see. One license
 *   a Virtual Account and license name, with one `licenseDetails` entry a
 *   deposit: `orderNumber` for those that came from an order.
 * - POST /v1/accounts/{domain}/virtual-accounts/{va}/licenses/transfer,
 *   body `{"licenses": [{"license", "licenseType", "quantity",
 *   "targetVirtualAccount", "precedence": "LONGEST_TERM_FIRST"}]}`: all of it
 *   or nothing; a business refusal (more than available, an unknown target)
 *   is 200 `{"status": "ERROR", "statusMessage": …}`.
 * A user needs a role on the Smart Account (403 otherwise; see
 * sa-sandbox-cisco-accounts.c), on the Virtual Accounts concerned, and one
 * that is not a Viewer's to transfer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-cisco-private.h"

#include <string.h>

#include "sa-validate.h"

#define DEFAULT_LIMIT   100
#define MAX_LIMIT       1000
#define MAX_TRANSFERS   100
#define MAX_QUANTITY    1000000

/* A refusal answered 200 with "status": "ERROR". */
static GQuark
rejected_quark (void)
{
  return g_quark_from_static_string ("sa-sandbox-cisco-rejected");
}

/* The Smart Accounts of @domain the user has a role on, CUSTOMER first:
 * their ids; NULL with 404 or 403 answered (or 500). */
static GPtrArray *
find_accounts (SaSandboxRequest *request,
               const char       *domain)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean found = FALSE, open = FALSE;

  stmt = sa_sandbox_db_prepare (request->db, &error,
                                "SELECT id, restricted FROM smart_accounts WHERE tenant = ?1"
                                " AND lower(domain) = lower(?2) AND status <> 'EXPIRED' ORDER BY type",
                                "tt", request->caller->tenant, domain);
  while (stmt != NULL && sa_sandbox_db_next (stmt, &error))
    {
      g_auto(SaSandboxCiscoAccess) access = { 0 };

      found = TRUE;
      open |= sqlite3_column_int (stmt, 1) == 0;
      if (!sa_sandbox_cisco_get_access (request->db, request->caller->tenant, sa_sandbox_db_text (stmt, 0),
                                        &access, &error))
        break;
      if (access.any)
        g_ptr_array_add (ids, g_strdup (sa_sandbox_db_text (stmt, 0)));
    }
  if (error != NULL)
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return NULL;
    }

  /* a restricted account is not there for those without a role on it */
  if (!found || (ids->len == 0 && !open))
    sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_NOT_FOUND, "Smart Account not found");
  else if (ids->len == 0)
    sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_FORBIDDEN,
                                    "The user has no role in this Smart Account");
  else
    return g_steal_pointer (&ids);

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* POST /v1/accounts/{domain}/licenses                                       */

typedef struct
{
  GHashTable *wanted;   /* Virtual Account names; NULL: all */
  gint64      limit;    /* -1: all */
  gint64      offset;
} SaLicenseQuery;

/* A whole number member of the body (unchanged when absent); FALSE with 400
 * answered when it is not one within [min, max]. */
static gboolean
read_body_number (SoupServerMessage *msg,
                  JsonObject        *object,
                  const char        *member,
                  gint64             min,
                  gint64             max,
                  gint64            *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= min && json_node_get_int (node) <= max)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }

  {
    g_autofree char *message = g_strdup_printf ("%s must be a whole number from %" G_GINT64_FORMAT
                                                " to %" G_GINT64_FORMAT, member, min, max);

    sa_sandbox_cisco_respond_error (msg, SOUP_STATUS_BAD_REQUEST, message);
  }
  return FALSE;
}

/* Reads the body and the query; FALSE with 400 answered. */
static gboolean
parse_license_query (SaSandboxRequest *request,
                     SaLicenseQuery   *query)
{
  g_autoptr(JsonNode) root = sa_sandbox_cisco_parse_body (request->msg);
  JsonObject *object;
  JsonNode *wanted;
  guint i;

  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);
  if (!read_body_number (request->msg, object, "limit", -1, MAX_LIMIT, &query->limit) ||
      !read_body_number (request->msg, object, "offset", 0, G_MAXINT32, &query->offset) ||
      !sa_sandbox_cisco_query_number (request, "limit", -1, MAX_LIMIT, &query->limit) ||
      !sa_sandbox_cisco_query_number (request, "offset", 0, G_MAXINT32, &query->offset))
    return FALSE;
  if (query->limit == 0)
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, "limit must not be 0");
      return FALSE;
    }

  /* none named, or an empty list: every Virtual Account the user may see */
  wanted = json_object_get_member (object, "virtualAccounts");
  if (wanted == NULL || JSON_NODE_HOLDS_NULL (wanted) ||
      (JSON_NODE_HOLDS_ARRAY (wanted) && json_array_get_length (json_node_get_array (wanted)) == 0))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (wanted) || json_array_get_length (json_node_get_array (wanted)) > 1000)
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST,
                                      "virtualAccounts must be an array of Virtual Account names");
      return FALSE;
    }
  query->wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (i = 0; i < json_array_get_length (json_node_get_array (wanted)); i++)
    {
      JsonNode *name = json_array_get_element (json_node_get_array (wanted), i);

      if (json_node_get_value_type (name) != G_TYPE_STRING)
        {
          sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST,
                                          "virtualAccounts must be an array of Virtual Account names");
          return FALSE;
        }
      g_hash_table_add (query->wanted, g_strdup (json_node_get_string (name)));
    }

  return TRUE;
}

/* Columns of LICENSE_SELECT. */
enum
{
  COL_VA, COL_LICENSE, COL_SKU, COL_TYPE, COL_QUANTITY, COL_IN_USE, COL_START, COL_END,
  COL_ORDER, COL_LINE,
};

#define LICENSE_SELECT \
  "SELECT l.virtual_account, l.license, l.license_sku, l.license_type, l.quantity, l.in_use," \
  " l.start_date, l.end_date, l.order_number, l.order_line" \
  " FROM licenses l JOIN virtual_accounts v" \
  "   ON v.tenant = l.tenant AND v.account_id = l.account_id AND v.name = l.virtual_account" \
  " WHERE l.tenant = ?1 AND l.account_id = ?2" \
  " ORDER BY v.is_default DESC, v.position, l.virtual_account, l.license, l.start_date, l.rowid"

/* One of Cisco's licenseDetails, from a row of LICENSE_SELECT; @today
 * "YYYY-MM-DD" on the user's clock. */
static void
add_detail (JsonBuilder  *builder,
            sqlite3_stmt *stmt,
            const char   *today)
{
  const char *end = sa_sandbox_db_text (stmt, COL_END);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "licenseType");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, COL_TYPE));
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, COL_QUANTITY));
  json_builder_set_member_name (builder, "startDate");
  json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, COL_START));
  json_builder_set_member_name (builder, "endDate");
  json_builder_add_string_value (builder, end);  /* null: perpetual */
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, end != NULL && strcmp (end, today) < 0 ? "EXPIRED" : "ACTIVE");
  if (sqlite3_column_type (stmt, COL_ORDER) != SQLITE_NULL)
    {
      json_builder_set_member_name (builder, "orderNumber");
      json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, COL_ORDER));
      json_builder_set_member_name (builder, "orderLineIdentifier");
      json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, COL_LINE));
    }
  if (sqlite3_column_type (stmt, COL_SKU) != SQLITE_NULL)
    {
      json_builder_set_member_name (builder, "licenseSku");
      json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, COL_SKU));
    }
  json_builder_end_object (builder);
}

/* The license object (CISCO-APIS.md §1.2's example) with the details that
 * @details holds (an array begun). */
static JsonNode *
end_license (JsonBuilder *details,
             const char  *name,
             const char  *virtual_account,
             gint64       quantity,
             gint64       in_use)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_end_array (details);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "license");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, quantity);
  json_builder_set_member_name (builder, "inUse");
  json_builder_add_int_value (builder, in_use);
  json_builder_set_member_name (builder, "available");
  json_builder_add_int_value (builder, quantity - in_use);
  json_builder_set_member_name (builder, "reserved");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "pendingQuantity");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, in_use <= quantity ? "In Compliance" : "Out of Compliance");
  json_builder_set_member_name (builder, "billingType");
  json_builder_add_string_value (builder, "PREPAID");
  json_builder_set_member_name (builder, "virtualAccount");
  json_builder_add_string_value (builder, virtual_account);
  json_builder_set_member_name (builder, "isPortable");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "ahaApps");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "licenseSubstitutions");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "licenseDetails");
  json_builder_add_value (builder, json_builder_get_root (details));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Appends to @licenses the licenses of account @id the query asks for and
 * the user may see, one a Virtual Account and name. */
static gboolean
collect_licenses (SaSandboxRequest      *request,
                  const char            *id,
                  const SaLicenseQuery  *query,
                  const char            *today,
                  GPtrArray             *licenses,
                  GError               **error)
{
  g_auto(SaSandboxCiscoAccess) access = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *va = NULL;
  g_autofree char *name = NULL;
  gint64 quantity = 0, in_use = 0;

  if (!sa_sandbox_cisco_get_access (request->db, request->caller->tenant, id, &access, error))
    return FALSE;
  stmt = sa_sandbox_db_prepare (request->db, error, LICENSE_SELECT, "tt", request->caller->tenant, id);
  if (stmt == NULL)
    return FALSE;

  while (sa_sandbox_db_next (stmt, &local_error))
    {
      const char *row_va = sa_sandbox_db_text (stmt, COL_VA);
      const char *row_name = sa_sandbox_db_text (stmt, COL_LICENSE);

      if (!sa_sandbox_cisco_access_sees (&access, row_va) ||
          (query->wanted != NULL && !g_hash_table_contains (query->wanted, row_va)))
        continue;

      if (builder != NULL && (g_strcmp0 (va, row_va) != 0 || g_strcmp0 (name, row_name) != 0))
        {
          g_ptr_array_add (licenses, end_license (builder, name, va, quantity, in_use));
          g_clear_object (&builder);
        }
      if (builder == NULL)
        {
          builder = json_builder_new ();
          json_builder_begin_array (builder);
          g_free (va);
          g_free (name);
          va = g_strdup (row_va);
          name = g_strdup (row_name);
          quantity = in_use = 0;
        }
      add_detail (builder, stmt, today);
      quantity += sqlite3_column_int64 (stmt, COL_QUANTITY);
      in_use += sqlite3_column_int64 (stmt, COL_IN_USE);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (builder != NULL)
    g_ptr_array_add (licenses, end_license (builder, name, va, quantity, in_use));

  return TRUE;
}

static void
list_licenses (SaSandboxRequest *request)
{
  const char *domain = sa_sandbox_request_get_param (request, "domain");
  SaLicenseQuery query = { NULL, DEFAULT_LIMIT, 0 };
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) licenses = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (request->now);
  g_autofree char *today = now != NULL ? g_date_time_format (now, "%Y-%m-%d") : g_strdup ("1970-01-01");
  guint i;

  if (!sa_validate_domain (domain, NULL))
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, "Invalid domain");
      return;
    }
  if (!parse_license_query (request, &query))
    {
      g_clear_pointer (&query.wanted, g_hash_table_unref);
      return;
    }
  wanted = query.wanted;
  ids = find_accounts (request, domain);
  if (ids == NULL)
    return;

  for (i = 0; i < ids->len; i++)
    if (!collect_licenses (request, ids->pdata[i], &query, today, licenses, &error))
      {
        sa_sandbox_respond_gerror (request->msg, error);
        return;
      }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "licenses");
  json_builder_begin_array (builder);
  for (i = (guint) MIN (query.offset, (gint64) licenses->len);
       i < licenses->len && (query.limit < 0 || i < query.offset + query.limit); i++)
    json_builder_add_value (builder, json_node_ref (licenses->pdata[i]));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, licenses->len);
  sa_sandbox_cisco_add_success (builder);
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

/* ------------------------------------------------------------------------ */
/* POST /v1/accounts/{domain}/virtual-accounts/{va}/licenses/transfer        */

typedef struct
{
  char   *license;
  char   *license_type;
  gint64  quantity;
  char   *target;
} SaTransferEntry;

static void
sa_transfer_entry_free (gpointer data)
{
  SaTransferEntry *entry = data;

  g_free (entry->license);
  g_free (entry->license_type);
  g_free (entry->target);
  g_free (entry);
}

typedef struct
{
  const char            *tenant;
  const char            *account_id;
  const char            *source;
  GPtrArray             *entries;   /* SaTransferEntry */
  SaSandboxCiscoAccess  *access;
} SaTransfer;

/* A string member of a transfer entry, valid text; NULL when it is not. */
static const char *
entry_text (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      !sa_sandbox_text_is_valid (json_node_get_string (node), 256))
    return NULL;

  return json_node_get_string (node);
}

/* The body's entries; NULL with 400 answered. */
static GPtrArray *
parse_transfer (SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = sa_sandbox_cisco_parse_body (msg);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (sa_transfer_entry_free);
  JsonNode *list;
  JsonArray *array;
  guint i;

  if (root == NULL)
    return NULL;
  list = json_object_get_member (json_node_get_object (root), "licenses");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) ||
      json_array_get_length (json_node_get_array (list)) == 0 ||
      json_array_get_length (json_node_get_array (list)) > MAX_TRANSFERS)
    {
      sa_sandbox_cisco_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "licenses must list 1 to 100 transfers");
      return NULL;
    }

  array = json_node_get_array (list);
  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *quantity = object != NULL ? json_object_get_member (object, "quantity") : NULL;
      JsonNode *precedence = object != NULL ? json_object_get_member (object, "precedence") : NULL;
      const char *type = object != NULL ? entry_text (object, "licenseType") : NULL;
      SaTransferEntry *entry;

      if (object == NULL || entry_text (object, "license") == NULL ||
          (g_strcmp0 (type, "PERPETUAL") != 0 && g_strcmp0 (type, "TERM") != 0) ||
          entry_text (object, "targetVirtualAccount") == NULL ||
          quantity == NULL || json_node_get_value_type (quantity) != G_TYPE_INT64 ||
          json_node_get_int (quantity) < 1 || json_node_get_int (quantity) > MAX_QUANTITY ||
          (precedence != NULL && g_strcmp0 (entry_text (object, "precedence"), "LONGEST_TERM_FIRST") != 0))
        {
          sa_sandbox_cisco_respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                                          "Each transfer needs license, licenseType (PERPETUAL or TERM), "
                                          "quantity (1 or more) and targetVirtualAccount");
          return NULL;
        }

      entry = g_new0 (SaTransferEntry, 1);
      entry->license = g_strdup (entry_text (object, "license"));
      entry->license_type = g_strdup (type);
      entry->quantity = json_node_get_int (quantity);
      entry->target = g_strdup (entry_text (object, "targetVirtualAccount"));
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/* Moves one entry's licenses, longest term first (a perpetual one before
 * any term); a refusal in rejected_quark's domain. */
static gboolean
move_licenses (sqlite3                *db,
               const SaTransfer       *transfer,
               const SaTransferEntry  *entry,
               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) target = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) takes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;
  gint64 left = entry->quantity;
  guint i;

  if (g_strcmp0 (entry->target, transfer->source) == 0)
    {
      g_set_error (error, rejected_quark (), 0, "The target virtual account is the source virtual account");
      return FALSE;
    }
  if (!sa_sandbox_db_query_row (db, &target, error,
                                "SELECT 1 FROM virtual_accounts WHERE tenant = ?1 AND account_id = ?2 AND name = ?3",
                                "ttt", transfer->tenant, transfer->account_id, entry->target))
    return FALSE;
  if (target == NULL)
    {
      g_set_error (error, rejected_quark (), 0, "Virtual account %s does not exist in this Smart Account",
                   entry->target);
      return FALSE;
    }
  if (!sa_sandbox_cisco_access_changes (transfer->access, entry->target))
    {
      g_set_error (error, rejected_quark (), 403, "The user may not move licenses to virtual account %s",
                   entry->target);
      return FALSE;
    }

  stmt = sa_sandbox_db_prepare (db, error,
                                "SELECT rowid, quantity - in_use FROM licenses WHERE tenant = ?1"
                                " AND account_id = ?2 AND virtual_account = ?3 AND license = ?4"
                                " AND license_type = ?5 AND quantity > in_use"
                                " ORDER BY end_date IS NOT NULL, end_date DESC, rowid",
                                "ttttt", transfer->tenant, transfer->account_id, transfer->source,
                                entry->license, entry->license_type);
  if (stmt == NULL)
    return FALSE;
  while (left > 0 && sa_sandbox_db_next (stmt, &local_error))
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      gint64 take = MIN (left, sqlite3_column_int64 (stmt, 1));

      g_array_append_val (rows, rowid);
      g_array_append_val (takes, take);
      left -= take;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (left > 0)
    {
      g_set_error_literal (error, rejected_quark (), 0,
                           "Insufficient licenses available in the source virtual account");
      return FALSE;
    }

  for (i = 0; i < rows->len; i++)
    {
      gint64 rowid = g_array_index (rows, gint64, i);
      gint64 take = g_array_index (takes, gint64, i);

      /* a copy of the deposit in the target, then less of it (or none) in
       * the source */
      if (!sa_sandbox_db_run (db, error,
                              "INSERT INTO licenses (tenant, account_id, virtual_account, license, license_sku,"
                              " license_type, quantity, in_use, start_date, end_date, order_number, order_line)"
                              " SELECT tenant, account_id, ?2, license, license_sku, license_type, ?3, 0,"
                              " start_date, end_date, order_number, order_line FROM licenses WHERE rowid = ?1",
                              "iti", rowid, entry->target, take) ||
          !sa_sandbox_db_run (db, error,
                              "DELETE FROM licenses WHERE rowid = ?1 AND quantity = ?2", "ii", rowid, take) ||
          !sa_sandbox_db_run (db, error,
                              "UPDATE licenses SET quantity = quantity - ?2 WHERE rowid = ?1 AND quantity > ?2",
                              "ii", rowid, take))
        return FALSE;
    }

  return TRUE;
}

static gboolean
transfer_tx (sqlite3   *db,
             gpointer   data,
             GError   **error)
{
  const SaTransfer *transfer = data;
  guint i;

  for (i = 0; i < transfer->entries->len; i++)
    if (!move_licenses (db, transfer, transfer->entries->pdata[i], error))
      return FALSE;

  return TRUE;
}

static void
transfer_licenses (SaSandboxRequest *request)
{
  const char *domain = sa_sandbox_request_get_param (request, "domain");
  const char *source = sa_sandbox_request_get_param (request, "virtualAccount");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(sqlite3_stmt) va = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_auto(SaSandboxCiscoAccess) access = { 0 };
  SaTransfer transfer = { request->caller->tenant, NULL, source, NULL, &access };
  guint i;

  if (!sa_validate_domain (domain, NULL))
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_BAD_REQUEST, "Invalid domain");
      return;
    }
  entries = parse_transfer (request->msg);
  if (entries == NULL)
    return;
  ids = find_accounts (request, domain);
  if (ids == NULL)
    return;

  /* the account whose Virtual Account it is */
  for (i = 0; i < ids->len && va == NULL; i++)
    {
      if (!sa_sandbox_db_query_row (request->db, &va, &error,
                                    "SELECT account_id FROM virtual_accounts"
                                    " WHERE tenant = ?1 AND account_id = ?2 AND name = ?3",
                                    "ttt", request->caller->tenant, ids->pdata[i], source))
        {
          sa_sandbox_respond_gerror (request->msg, error);
          return;
        }
      if (va != NULL)
        transfer.account_id = ids->pdata[i];
    }
  if (va == NULL)
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_NOT_FOUND, "Virtual account not found");
      return;
    }
  if (!sa_sandbox_cisco_get_access (request->db, request->caller->tenant, transfer.account_id, &access, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }
  if (!sa_sandbox_cisco_access_changes (&access, source))
    {
      sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_FORBIDDEN,
                                      "The user may not move licenses out of this virtual account");
      return;
    }

  transfer.entries = entries;
  if (!sa_sandbox_db_transaction (request->db, transfer_tx, &transfer, &error))
    {
      if (error->domain != rejected_quark ())
        sa_sandbox_respond_gerror (request->msg, error);
      else if (error->code == SOUP_STATUS_FORBIDDEN)
        sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_FORBIDDEN, error->message);
      else
        sa_sandbox_cisco_respond_error (request->msg, SOUP_STATUS_OK, error->message);
      return;
    }

  g_debug ("licenses transferred from %s by %s", source, request->caller->username);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "SUCCESS");
  json_builder_set_member_name (builder, "statusMessage");
  json_builder_add_string_value (builder, "Licenses transferred successfully");
  json_builder_end_object (builder);
  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

static const SaSandboxRoute routes[] = {
  { "POST", SA_SANDBOX_CISCO_LICENSING_PATH "/v1/accounts/{domain}/licenses", list_licenses, SA_SANDBOX_CISCO },
  { "POST", SA_SANDBOX_CISCO_LICENSING_PATH "/v1/accounts/{domain}/virtual-accounts/{virtualAccount}"
    "/licenses/transfer", transfer_licenses, SA_SANDBOX_CISCO },
};

const SaSandboxRouteTable sa_sandbox_cisco_licenses_routes = SA_SANDBOX_ROUTE_TABLE (routes);
