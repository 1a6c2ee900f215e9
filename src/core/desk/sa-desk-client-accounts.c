/* sa-desk-client-accounts.c — the Desk client's Smart Accounts and Virtual
 * Accounts: GET /v1/accounts/search,
 * GET /v1/accounts/{domain}/{type}/virtual-accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-desk-client-private.h"
#include "sa-validate.h"

/* GET /v1/accounts/search?domain=|name=|email=&type= */
static void
search_accounts_async (SaClient             *client,
                       SaAccountSearchField  field,
                       const char           *value,
                       int                   type_filter,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  GError *error = NULL;

  task = sa_desk_list_task_new (self, search_accounts_async, &sa_desk_smart_account_list,
                                cancellable, callback, user_data);

  if (sa_desk_return_if_invalid (task, sa_validate_account_search (field, value, &error), &error))
    return;

  if (type_filter != -1 && sa_account_type_to_string (type_filter) == NULL)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("Choose End Customer or Holding accounts."));
      return;
    }

  sa_desk_query_add (query, sa_account_search_field_to_string (field), value);
  if (type_filter != -1)
    sa_desk_query_add (query, "type", sa_account_type_to_string (type_filter));

  sa_desk_request (self, g_steal_pointer (&task), "GET", "v1/accounts/search", query->str, NULL);
}

static GListModel *
search_accounts_finish (SaClient      *client,
                        GAsyncResult  *result,
                        GError       **error)
{
  return sa_desk_propagate_pointer (client, result, search_accounts_async, error);
}

static gpointer
parse_virtual_account_item (JsonObject  *object,
                            GError     **error)
{
  return sa_virtual_account_new_from_json (object, error);
}

/* The Virtual Accounts, DEFAULT first, the others in the server's order. */
static gboolean
answer_virtual_accounts (SaDeskClient  *self,
                         GTask         *task,
                         JsonNode      *root,
                         GError       **error)
{
  g_autoptr(GListStore) store = NULL;
  guint n;

  store = sa_desk_parse_list (root, "virtualAccounts", SA_TYPE_VIRTUAL_ACCOUNT,
                              parse_virtual_account_item, error);
  if (store == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(SaVirtualAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (sa_virtual_account_get_is_default (account))
        {
          g_list_store_remove (store, i);
          g_list_store_insert (store, 0, account);
          break;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
  return TRUE;
}

/* GET /v1/accounts/{domain}/{type}/virtual-accounts */
static void
list_virtual_accounts_async (SaClient            *client,
                             const char          *domain,
                             SaAccountType        account_type,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped_domain = NULL;
  g_autofree char *escaped_type = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  task = sa_desk_call_task_new (self, list_virtual_accounts_async, answer_virtual_accounts,
                                cancellable, callback, user_data);

  if (sa_desk_return_if_invalid (task, sa_validate_domain (domain, &error), &error))
    return;

  if (sa_account_type_to_string (account_type) == NULL)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("Choose End Customer or Holding accounts."));
      return;
    }

  escaped_domain = sa_desk_escape (domain);
  escaped_type = sa_desk_escape (sa_account_type_to_string (account_type));
  path = g_strconcat ("v1/accounts/", escaped_domain, "/", escaped_type,
                      "/virtual-accounts", NULL);

  sa_desk_request (self, g_steal_pointer (&task), "GET", path, NULL, NULL);
}

static GListModel *
list_virtual_accounts_finish (SaClient      *client,
                              GAsyncResult  *result,
                              GError       **error)
{
  return sa_desk_propagate_pointer (client, result, list_virtual_accounts_async, error);
}

/**
 * sa_desk_client_accounts_init_class:
 * @klass: the #SaDeskClient class, as #SaClientClass
 *
 * Fills in the Smart Account and Virtual Account calls of the boundary
 * (steps 6 and 7 of assigning an order).
 */
void
sa_desk_client_accounts_init_class (SaClientClass *klass)
{
  klass->search_accounts_async = search_accounts_async;
  klass->search_accounts_finish = search_accounts_finish;
  klass->list_virtual_accounts_async = list_virtual_accounts_async;
  klass->list_virtual_accounts_finish = list_virtual_accounts_finish;
}
