/* sa-cisco-accounts.c — Smart Accounts and Virtual Accounts, read from Cisco
 *
 * Field names, casing and quirks are CISCO-APIS.md §1.2 and §6.3–6.5: search
 * rows come as `domain/name/type/status/id` or (as Cisco.Api models them)
 * `accountDomain/accountName/accountType/accountStatus`; statuses are title
 * case ("Active"); `isDefault` is the string "true"; Virtual Account names may
 * be in any script and are kept as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sa-cisco-accounts.h"
#include "sa-cisco-api-private.h"

#define DEFAULT_SEARCH_LIMIT 50
#define MAX_SEARCH_LIMIT     1000  /* Cisco's hard cap */
#define MAX_TEXT_CHARS       256
#define STATUS_TEXT_KEY      "sa-cisco-status-text"

/* ------------------------------------------------------------------------ */
/* Reading rows */

static gboolean
parse_type (const char    *text,
            SaAccountType *type)
{
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "CUSTOMER") == 0)
    *type = SA_ACCOUNT_TYPE_CUSTOMER;
  else if (g_ascii_strcasecmp (text, "HOLDING") == 0)
    *type = SA_ACCOUNT_TYPE_HOLDING;
  else
    return FALSE;
  return TRUE;
}

/* Cisco's statuses are title case ("Active"); the values for a pending
 * account are not in any public source (CISCO-APIS.md §1.2): anything but
 * Active or Expired counts as not yet Active, that is Pending. */
static SaAccountStatus
parse_status (const char *text)
{
  if (text != NULL && g_ascii_strcasecmp (text, "Active") == 0)
    return SA_ACCOUNT_STATUS_ACTIVE;
  if (text != NULL && g_ascii_strcasecmp (text, "Expired") == 0)
    return SA_ACCOUNT_STATUS_EXPIRED;
  if (text == NULL || g_ascii_strncasecmp (text, "Pending", strlen ("Pending")) != 0)
    g_debug ("Smart Account status “%s” is not one this client knows: shown as Pending",
             text != NULL ? text : "(none)");
  return SA_ACCOUNT_STATUS_PENDING;
}

/* One Smart Account, from a search row or a `/v2/accounts` entry. NULL (and a
 * debug line) for a row that cannot be used. */
static SaSmartAccount *
parse_account (JsonObject        *object,
               SaCiscoTypeFilter  filter)
{
  const char *domain = sa_cisco_json_get_string (object, "domain", "accountDomain");
  const char *name = sa_cisco_json_get_string (object, "name", "accountName");
  const char *type_text = sa_cisco_json_get_string (object, "type", "accountType");
  const char *status_text = sa_cisco_json_get_string (object, "status", "accountStatus");
  g_autofree char *id = sa_cisco_json_dup_text (object, "id");
  SaSmartAccount *account;
  SaAccountType type;

  if (domain == NULL || *domain == '\0')
    {
      g_debug ("Skipping a Smart Account without a domain");
      return NULL;
    }

  if (!parse_type (type_text, &type))
    {
      if (filter == SA_CISCO_TYPE_FILTER_CUSTOMER)
        type = SA_ACCOUNT_TYPE_CUSTOMER;
      else if (filter == SA_CISCO_TYPE_FILTER_HOLDING)
        type = SA_ACCOUNT_TYPE_HOLDING;
      else
        {
          g_debug ("Skipping Smart Account %s: unknown type", domain);
          return NULL;
        }
    }

  account = sa_smart_account_new (id, domain, name != NULL ? name : domain,
                                  type, parse_status (status_text), NULL);
  g_object_set_data_full (G_OBJECT (account), STATUS_TEXT_KEY,
                          g_strdup (status_text), g_free);
  return account;
}

/**
 * sa_cisco_smart_account_get_status_text:
 * @account: a Smart Account read from Cisco
 *
 * Cisco's own status text ("Active", or whatever a pending account shows),
 * for display where the mapped #SaAccountStatus loses it (core's
 * #SaSmartAccount knows only Active, Pending and Expired).
 *
 * Returns: (transfer none) (nullable): the text, or %NULL when Cisco gave none
 *   or @account was not read from Cisco
 */
const char *
sa_cisco_smart_account_get_status_text (SaSmartAccount *account)
{
  g_return_val_if_fail (SA_IS_SMART_ACCOUNT (account), NULL);

  return g_object_get_data (G_OBJECT (account), STATUS_TEXT_KEY);
}

/**
 * sa_cisco_find_account_by_domain:
 * @accounts: a #GListModel of #SaSmartAccount, as a search returns
 * @domain: a Domain Identifier
 *
 * Cisco's domain search matches substrings ("work.com" also finds
 * "wework.com", CISCO-APIS.md §1.2): this finds the exact match, ignoring
 * ASCII case, for the preflight "the account exists" (procedures 1 and 2).
 *
 * Returns: (transfer none) (nullable): the account whose domain is @domain
 */
SaSmartAccount *
sa_cisco_find_account_by_domain (GListModel *accounts,
                                 const char *domain)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);
  g_return_val_if_fail (domain != NULL, NULL);

  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (accounts, i);

      if (g_ascii_strcasecmp (sa_smart_account_get_domain (account), domain) == 0)
        return account;  /* the model keeps its reference */
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Search */

typedef struct
{
  SaCiscoTypeFilter filter;
  guint             total_records;
} SearchData;

static void
on_search_answered (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SearchData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = g_list_store_new (SA_TYPE_SMART_ACCOUNT);
  JsonArray *rows;
  gint64 total = -1;

  root = sa_cisco_api_call_finish (SA_CISCO_API (object), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rows = sa_cisco_json_get_array (json_node_get_object (root), "accounts");
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      g_autoptr(SaSmartAccount) account = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        account = parse_account (json_node_get_object (node), data->filter);
      if (account != NULL)
        g_list_store_append (store, account);
    }

  if (!sa_cisco_json_get_int (json_node_get_object (root), "totalRecords", &total) || total < 0)
    total = g_list_model_get_n_items (G_LIST_MODEL (store));
  data->total_records = (guint) MIN (total, G_MAXUINT);

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static gboolean
check_text (const char  *text,
            const char  *message,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    stripped = g_strstrip (g_strdup (text));

  if (stripped == NULL || *stripped == '\0' || g_utf8_strlen (stripped, -1) > MAX_TEXT_CHARS)
    {
      g_set_error_literal (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT, message);
      return FALSE;
    }

  return TRUE;
}

/**
 * sa_cisco_api_search_accounts_async:
 * @self: an #SaCiscoApi
 * @field: %SA_ACCOUNT_SEARCH_DOMAIN or %SA_ACCOUNT_SEARCH_NAME (Cisco's API
 *   has no search by e-mail: %SA_ACCOUNT_SEARCH_EMAIL fails with
 *   %SA_CISCO_ERROR_INVALID_INPUT)
 * @text: the Domain Identifier or Account Name (or part of it: Cisco matches
 *   substrings; restricted accounts are found only by their full name or
 *   domain)
 * @type: which kinds of Smart Account
 * @limit: how many rows at most, 0 for Cisco's default (50); at most 1000
 * @offset: how many rows to skip
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * `GET /v1/accounts/search?domain=|name=&type=&limit=&offset=`: the Smart
 * Account search of the Assign Smart Account dialog (step 6 of assigning an
 * order) and of the preflight "does this account exist, of which type,
 * Active or Pending" (procedures 1, 2, 3).
 */
void
sa_cisco_api_search_accounts_async (SaCiscoApi           *self,
                                    SaAccountSearchField  field,
                                    const char           *text,
                                    SaCiscoTypeFilter     type,
                                    guint                 limit,
                                    guint                 offset,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *number = NULL;
  SearchData *data;

  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_search_accounts_async);
  data = g_new0 (SearchData, 1);
  data->filter = type;
  g_task_set_task_data (task, data, g_free);

  if (field != SA_ACCOUNT_SEARCH_DOMAIN && field != SA_ACCOUNT_SEARCH_NAME)
    {
      g_task_return_new_error (task, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT, "%s",
                               _("Cisco's Smart Account search looks for a Domain Identifier or an Account Name only. Search by one of those."));
      return;
    }

  if (!check_text (text, _("Enter a Domain Identifier or an Account Name to search for."), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  stripped = g_strstrip (g_strdup (text));
  sa_cisco_query_add (query, field == SA_ACCOUNT_SEARCH_DOMAIN ? "domain" : "name", stripped);
  if (type == SA_CISCO_TYPE_FILTER_CUSTOMER)
    sa_cisco_query_add (query, "type", "CUSTOMER");
  else if (type == SA_CISCO_TYPE_FILTER_HOLDING)
    sa_cisco_query_add (query, "type", "HOLDING");

  number = g_strdup_printf ("%u", limit == 0 ? DEFAULT_SEARCH_LIMIT : MIN (limit, MAX_SEARCH_LIMIT));
  sa_cisco_query_add (query, "limit", number);
  g_free (number);
  number = g_strdup_printf ("%u", offset);
  sa_cisco_query_add (query, "offset", number);

  uri = sa_cisco_api_build_licensing_uri (self, "/v1/accounts/search", query->str);
  sa_cisco_api_call_async (self, "GET", uri, NULL, NULL, SA_CISCO_CALL_IDEMPOTENT,
                           cancellable, on_search_answered, g_steal_pointer (&task));
}

/**
 * sa_cisco_api_search_accounts_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @total_records: (out) (optional): Cisco's `totalRecords` (the rows found,
 *   over all pages)
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaSmartAccount (with
 *   Cisco's numeric `id` as text; sa_cisco_smart_account_get_status_text()
 *   gives Cisco's status text), empty when nothing matched; or %NULL with an
 *   %SA_CISCO_ERROR or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_cisco_api_search_accounts_finish (SaCiscoApi    *self,
                                     GAsyncResult  *result,
                                     guint         *total_records,
                                     GError       **error)
{
  SearchData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_api_search_accounts_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (total_records != NULL)
    *total_records = data->total_records;

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* The user's Smart Accounts and roles */

static void
on_access_answered (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = g_list_store_new (SA_TYPE_ACCOUNT_ACCESS);
  JsonArray *rows;

  root = sa_cisco_api_call_finish (SA_CISCO_API (object), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rows = sa_cisco_json_get_array (json_node_get_object (root), "accounts");
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      g_autoptr(SaSmartAccount) account = NULL;
      g_autoptr(SaAccountAccess) access = NULL;
      JsonArray *roles;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      account = parse_account (json_node_get_object (node), SA_CISCO_TYPE_FILTER_ANY);
      if (account == NULL)
        continue;

      access = sa_account_access_new (account);
      roles = sa_cisco_json_get_array (json_node_get_object (node), "roles");
      for (guint j = 0; roles != NULL && j < json_array_get_length (roles); j++)
        {
          JsonNode *role_node = json_array_get_element (roles, j);
          JsonObject *role_object;
          const char *role;

          if (!JSON_NODE_HOLDS_OBJECT (role_node))
            continue;
          role_object = json_node_get_object (role_node);
          role = sa_cisco_json_get_string (role_object, "role", NULL);
          if (role != NULL)
            sa_account_access_add_role (access, role,
                                        sa_cisco_json_get_string (role_object, "virtualAccount", NULL));
        }

      g_list_store_append (store, access);
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

/**
 * sa_cisco_api_list_account_access_async:
 * @self: an #SaCiscoApi
 * @domain: (nullable): only this Smart Account (`?domain=`), or %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * `GET /v2/accounts`: the Smart Accounts the Cisco.com user who registered the
 * API application can access, with their roles (procedure 4's pre- and
 * post-check; the Smart Accounts view; "Test Connection": an empty list means
 * the token works but that user has no role).
 */
void
sa_cisco_api_list_account_access_async (SaCiscoApi          *self,
                                        const char          *domain,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *uri = NULL;

  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_list_account_access_async);

  if (domain != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!check_text (domain, _("Enter a Domain Identifier to search for."), &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      sa_cisco_query_add (query, "domain", domain);
    }

  uri = sa_cisco_api_build_licensing_uri (self, "/v2/accounts", query->str);
  sa_cisco_api_call_async (self, "GET", uri, NULL, NULL, SA_CISCO_CALL_IDEMPOTENT,
                           cancellable, on_access_answered, g_steal_pointer (&task));
}

/**
 * sa_cisco_api_list_account_access_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaAccountAccess,
 *   possibly empty; or %NULL with an %SA_CISCO_ERROR or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_cisco_api_list_account_access_finish (SaCiscoApi    *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_api_list_account_access_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Virtual Accounts */

static void
on_virtual_accounts_answered (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = g_list_store_new (SA_TYPE_VIRTUAL_ACCOUNT);
  JsonArray *rows;

  root = sa_cisco_api_call_finish (SA_CISCO_API (object), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rows = sa_cisco_json_get_array (json_node_get_object (root), "virtualAccounts");
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      JsonObject *row;
      const char *name;
      gboolean is_default = FALSE;
      g_autoptr(SaVirtualAccount) virtual_account = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      row = json_node_get_object (node);
      name = sa_cisco_json_get_string (row, "name", NULL);
      if (name == NULL || *name == '\0')
        {
          g_debug ("Skipping a Virtual Account without a name");
          continue;
        }

      /* A string "true"/"false" (CISCO-APIS.md §1.2); a JSON boolean too. */
      if (!sa_cisco_json_get_boolean (row, "isDefault", &is_default))
        is_default = FALSE;

      virtual_account = sa_virtual_account_new (name, is_default,
                                                sa_cisco_json_get_string (row, "description", NULL));
      g_list_store_append (store, virtual_account);
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

/**
 * sa_cisco_api_list_virtual_accounts_async:
 * @self: an #SaCiscoApi
 * @domain: the Smart Account's Domain Identifier
 * @type: the Smart Account's type (the path segment `customer` or `holding`)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * `GET /v1/accounts/{domain}/{type}/virtual-accounts`: the Virtual Account
 * picker of the Assign Smart Account dialog (procedures 1 and 2) and its
 * double-byte name check (names are kept exactly as Cisco sends them).
 */
void
sa_cisco_api_list_virtual_accounts_async (SaCiscoApi          *self,
                                          const char          *domain,
                                          SaAccountType        type,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_list_virtual_accounts_async);

  if (!check_text (domain, _("Choose a Smart Account first."), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The segment is lower case in the public clients (CISCO-APIS.md §1.2). */
  escaped = sa_cisco_escape_segment (domain);
  relative = g_strdup_printf ("/v1/accounts/%s/%s/virtual-accounts", escaped,
                              type == SA_ACCOUNT_TYPE_HOLDING ? "holding" : "customer");
  uri = sa_cisco_api_build_licensing_uri (self, relative, NULL);
  sa_cisco_api_call_async (self, "GET", uri, NULL, NULL, SA_CISCO_CALL_IDEMPOTENT,
                           cancellable, on_virtual_accounts_answered, g_steal_pointer (&task));
}

/**
 * sa_cisco_api_list_virtual_accounts_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaVirtualAccount in
 *   Cisco's order; or %NULL with an %SA_CISCO_ERROR (%SA_CISCO_ERROR_NOT_FOUND
 *   for an unknown or invisible Smart Account) or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_cisco_api_list_virtual_accounts_finish (SaCiscoApi    *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_api_list_virtual_accounts_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
