/* sa-cisco-licenses.c — licenses per Smart Account / Virtual Account, from Cisco
 *
 * Paging (CISCO-APIS.md §1.2 and §6.6): the older public clients put `limit`
 * and `offset` in the JSON body, Cisco.Api's 2026 fix puts them in the query;
 * both are sent, with the same values, so that either reading gives the same
 * page. The body is never empty (an empty body is answered 400): it always
 * holds `limit` and `offset`, and `virtualAccounts` when the caller names
 * some (without it Cisco returns every Virtual Account the user may see).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sa-cisco-api-private.h"
#include "sa-cisco-licenses.h"

#define PAGE_LIMIT 100
/* 10,000 licenses: a server that ignores the offset cannot loop forever. */
#define MAX_PAGES  100

typedef struct
{
  char        *domain;
  GStrv        virtual_accounts;
  GListStore  *store;
  guint        offset;
  guint        pages;
} ListData;

static void
list_data_free (gpointer data)
{
  ListData *list = data;

  g_clear_pointer (&list->domain, g_free);
  g_clear_pointer (&list->virtual_accounts, g_strfreev);
  g_clear_object (&list->store);
  g_free (list);
}

static gboolean
check_name (const char  *text,
            GError     **error)
{
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL) ||
      g_utf8_strlen (text, -1) > 256)
    {
      g_set_error_literal (error, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT,
                           _("Choose a Smart Account and a Virtual Account first."));
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reading */

static SaLicenseDetail *
parse_detail (JsonObject *object)
{
  g_autofree char *order_number = sa_cisco_json_dup_text (object, "orderNumber");
  g_autofree char *start_date = sa_cisco_json_dup_text (object, "startDate");
  g_autofree char *end_date = sa_cisco_json_dup_text (object, "endDate");
  gint64 quantity = 0;

  if (!sa_cisco_json_get_int (object, "quantity", &quantity))
    quantity = 0;

  return sa_license_detail_new (order_number,
                                sa_cisco_json_get_string (object, "licenseSku", NULL),
                                sa_cisco_json_get_string (object, "licenseType", NULL),
                                quantity,
                                sa_cisco_json_get_string (object, "status", NULL),
                                start_date, end_date);
}

static SaLicense *
parse_license (JsonObject *object)
{
  const char *name = sa_cisco_json_get_string (object, "license", NULL);
  gint64 quantity = 0, in_use = 0, available = 0;
  SaLicense *license;
  JsonArray *details;

  if (name == NULL || *name == '\0')
    {
      g_debug ("Skipping a license without a name");
      return NULL;
    }

  if (!sa_cisco_json_get_int (object, "quantity", &quantity))
    quantity = 0;
  if (!sa_cisco_json_get_int (object, "inUse", &in_use))
    in_use = 0;
  if (!sa_cisco_json_get_int (object, "available", &available))
    available = 0;

  license = sa_license_new (name,
                            sa_cisco_json_get_string (object, "virtualAccount", NULL),
                            quantity, in_use, available,
                            sa_cisco_json_get_string (object, "status", NULL));

  details = sa_cisco_json_get_array (object, "licenseDetails");
  for (guint i = 0; details != NULL && i < json_array_get_length (details); i++)
    {
      JsonNode *node = json_array_get_element (details, i);
      g_autoptr(SaLicenseDetail) detail = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      detail = parse_detail (json_node_get_object (node));
      sa_license_add_detail (license, detail);
    }

  return license;
}

static void request_page (GTask *task);

static void
on_page_answered (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *list = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  guint n_rows;
  gint64 total = -1;

  root = sa_cisco_api_call_finish (SA_CISCO_API (object), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rows = sa_cisco_json_get_array (json_node_get_object (root), "licenses");
  n_rows = rows != NULL ? json_array_get_length (rows) : 0;
  for (guint i = 0; i < n_rows; i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      g_autoptr(SaLicense) license = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        license = parse_license (json_node_get_object (node));
      if (license != NULL)
        g_list_store_append (list->store, license);
    }

  list->offset += n_rows;
  list->pages++;
  if (!sa_cisco_json_get_int (json_node_get_object (root), "totalRecords", &total))
    total = -1;

  if (n_rows == 0 || n_rows < PAGE_LIMIT ||
      (total >= 0 && list->offset >= total))
    {
      g_task_return_pointer (task, g_object_ref (list->store), g_object_unref);
      return;
    }

  if (list->pages >= MAX_PAGES)
    {
      g_debug ("Stopping after %u pages of licenses", list->pages);
      g_task_return_pointer (task, g_object_ref (list->store), g_object_unref);
      return;
    }

  request_page (g_steal_pointer (&task));
}

/* Takes the task's reference. */
static void
request_page (GTask *task)
{
  SaCiscoApi *self = g_task_get_source_object (task);
  ListData *list = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *limit = g_strdup_printf ("%d", PAGE_LIMIT);
  g_autofree char *offset = g_strdup_printf ("%u", list->offset);

  json_builder_begin_object (builder);
  if (list->virtual_accounts != NULL)
    {
      json_builder_set_member_name (builder, "virtualAccounts");
      json_builder_begin_array (builder);
      for (guint i = 0; list->virtual_accounts[i] != NULL; i++)
        json_builder_add_string_value (builder, list->virtual_accounts[i]);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, PAGE_LIMIT);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, list->offset);
  json_builder_end_object (builder);
  body = sa_cisco_json_builder_to_bytes (builder);

  sa_cisco_query_add (query, "limit", limit);
  sa_cisco_query_add (query, "offset", offset);

  escaped = sa_cisco_escape_segment (list->domain);
  relative = g_strdup_printf ("/v1/accounts/%s/licenses", escaped);
  uri = sa_cisco_api_build_licensing_uri (self, relative, query->str);

  /* A read, although a POST: safe to send again. */
  sa_cisco_api_call_async (self, "POST", uri, "application/json", body,
                           SA_CISCO_CALL_IDEMPOTENT, g_task_get_cancellable (task),
                           on_page_answered, task);
}

/**
 * sa_cisco_api_list_licenses_async:
 * @self: an #SaCiscoApi
 * @domain: the Smart Account's Domain Identifier
 * @virtual_accounts: (nullable) (array zero-terminated=1): only these Virtual
 *   Accounts, or %NULL for every one the user may see
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page is read
 * @user_data: data for @callback
 *
 * `POST /v1/accounts/{domain}/licenses`, page after page (100 a page): the
 * licenses of the Smart Accounts view, and the post-check "which Smart Account
 * and Virtual Account did the order land in" (CISCO-APIS.md §5.4).
 */
void
sa_cisco_api_list_licenses_async (SaCiscoApi          *self,
                                  const char          *domain,
                                  const char * const  *virtual_accounts,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ListData *list;

  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_list_licenses_async);

  if (!check_name (domain, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; virtual_accounts != NULL && virtual_accounts[i] != NULL; i++)
    if (!check_name (virtual_accounts[i], &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }

  list = g_new0 (ListData, 1);
  list->domain = g_strdup (domain);
  list->virtual_accounts = g_strdupv ((char **) virtual_accounts);
  list->store = g_list_store_new (SA_TYPE_LICENSE);
  g_task_set_task_data (task, list, list_data_free);

  request_page (g_steal_pointer (&task));
}

/**
 * sa_cisco_api_list_licenses_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaLicense, in Cisco's
 *   order, every page; or %NULL with an %SA_CISCO_ERROR or
 *   %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_cisco_api_list_licenses_finish (SaCiscoApi    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_api_list_licenses_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* By order number */

/**
 * sa_cisco_find_licenses_by_order:
 * @licenses: a #GListModel of #SaLicense
 * @order_number: a sales order number
 *
 * Keeps the licenses some of which came from @order_number (see
 * sa_license_has_order()); their sa_license_get_virtual_account() says where
 * the order's licenses landed ("Where are my licenses?").
 *
 * Returns: (transfer full): a new #GListModel of #SaLicense, possibly empty
 */
GListModel *
sa_cisco_find_licenses_by_order (GListModel *licenses,
                                 const char *order_number)
{
  GListStore *found;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (licenses), NULL);
  g_return_val_if_fail (order_number != NULL, NULL);

  found = g_list_store_new (SA_TYPE_LICENSE);
  n = g_list_model_get_n_items (licenses);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);

      if (sa_license_has_order (license, order_number))
        g_list_store_append (found, license);
    }

  return G_LIST_MODEL (found);
}

static void
on_listed_for_order (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(GError) error = NULL;

  licenses = sa_cisco_api_list_licenses_finish (SA_CISCO_API (object), result, &error);
  if (licenses == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task,
                         sa_cisco_find_licenses_by_order (licenses, g_task_get_task_data (task)),
                         g_object_unref);
}

/**
 * sa_cisco_api_find_licenses_by_order_async:
 * @self: an #SaCiscoApi
 * @domain: the Smart Account to look in
 * @order_number: the sales order number (`licenseDetails[].orderNumber`)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads every license of @domain and keeps those from @order_number: "have
 * the order's licenses arrived, and in which Virtual Account?" (issue 9,
 * "Where are my licenses?"; CISCO-APIS.md §5.4).
 */
void
sa_cisco_api_find_licenses_by_order_async (SaCiscoApi          *self,
                                           const char          *domain,
                                           const char          *order_number,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_find_licenses_by_order_async);

  if (order_number != NULL && g_utf8_validate (order_number, -1, NULL))
    stripped = g_strstrip (g_strdup (order_number));
  if (stripped == NULL || *stripped == '\0' || strlen (stripped) > 64)
    {
      g_task_return_new_error (task, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT, "%s",
                               _("Enter the order number to look for."));
      return;
    }

  g_task_set_task_data (task, g_steal_pointer (&stripped), g_free);
  sa_cisco_api_list_licenses_async (self, domain, NULL, cancellable,
                                    on_listed_for_order, g_steal_pointer (&task));
}

/**
 * sa_cisco_api_find_licenses_by_order_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaLicense, empty when
 *   none came from the order (not shipped yet, Pending account, another
 *   account…); or %NULL with an %SA_CISCO_ERROR or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_cisco_api_find_licenses_by_order_finish (SaCiscoApi    *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_api_find_licenses_by_order_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Transfer */

static void
on_transferred (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  /* The pipeline already turned "status": "ERROR" into SA_CISCO_ERROR_REJECTED
   * quoting statusMessage. */
  root = sa_cisco_api_call_finish (SA_CISCO_API (object), result, &error);
  if (root == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
check_transfer (const SaCiscoLicenseTransfer *transfer,
                const char                   *source)
{
  return transfer->license != NULL && *transfer->license != '\0' &&
         g_utf8_validate (transfer->license, -1, NULL) &&
         (g_strcmp0 (transfer->license_type, "PERPETUAL") == 0 ||
          g_strcmp0 (transfer->license_type, "TERM") == 0) &&
         transfer->quantity >= 1 &&
         check_name (transfer->target_virtual_account, NULL) &&
         g_strcmp0 (transfer->target_virtual_account, source) != 0;
}

/**
 * sa_cisco_api_transfer_licenses_async:
 * @self: an #SaCiscoApi
 * @domain: the Smart Account's Domain Identifier
 * @source_virtual_account: the Virtual Account the licenses leave
 * @transfers: (array length=n_transfers): what to move, and where
 * @n_transfers: how many entries, at least 1
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * `POST /v1/accounts/{domain}/virtual-accounts/{va}/licenses/transfer` with
 * Cisco's request `{"licenses": [{"license", "licenseType", "quantity",
 * "targetVirtualAccount", "precedence": "LONGEST_TERM_FIRST"}]}`: the
 * documented workaround for a double-byte Virtual Account name (licenses go to
 * DEFAULT, then are transferred; update-smart-account-assignment seed). A
 * write: never sent twice after 502/503/504.
 */
void
sa_cisco_api_transfer_licenses_async (SaCiscoApi                   *self,
                                      const char                   *domain,
                                      const char                   *source_virtual_account,
                                      const SaCiscoLicenseTransfer *transfers,
                                      guint                         n_transfers,
                                      GCancellable                 *cancellable,
                                      GAsyncReadyCallback           callback,
                                      gpointer                      user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *escaped_domain = NULL;
  g_autofree char *escaped_source = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (SA_IS_CISCO_API (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_api_transfer_licenses_async);

  if (!check_name (domain, &error) || !check_name (source_virtual_account, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < n_transfers; i++)
    if (!check_transfer (&transfers[i], source_virtual_account))
      n_transfers = 0;
  if (transfers == NULL || n_transfers == 0)
    {
      g_task_return_new_error (task, SA_CISCO_ERROR, SA_CISCO_ERROR_INVALID_INPUT, "%s",
                               _("Choose the licenses to transfer, a quantity of at least 1 and another Virtual Account to receive them."));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "licenses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_transfers; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "license");
      json_builder_add_string_value (builder, transfers[i].license);
      json_builder_set_member_name (builder, "licenseType");
      json_builder_add_string_value (builder, transfers[i].license_type);
      json_builder_set_member_name (builder, "quantity");
      json_builder_add_int_value (builder, transfers[i].quantity);
      json_builder_set_member_name (builder, "targetVirtualAccount");
      json_builder_add_string_value (builder, transfers[i].target_virtual_account);
      json_builder_set_member_name (builder, "precedence");
      json_builder_add_string_value (builder, "LONGEST_TERM_FIRST");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = sa_cisco_json_builder_to_bytes (builder);

  escaped_domain = sa_cisco_escape_segment (domain);
  escaped_source = sa_cisco_escape_segment (source_virtual_account);
  relative = g_strdup_printf ("/v1/accounts/%s/virtual-accounts/%s/licenses/transfer",
                              escaped_domain, escaped_source);
  uri = sa_cisco_api_build_licensing_uri (self, relative, NULL);

  sa_cisco_api_call_async (self, "POST", uri, "application/json", body,
                           SA_CISCO_CALL_NONE, cancellable,
                           on_transferred, g_steal_pointer (&task));
}

/**
 * sa_cisco_api_transfer_licenses_finish:
 * @self: an #SaCiscoApi
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when Cisco accepted the transfer; otherwise %FALSE with
 *   %SA_CISCO_ERROR_REJECTED (Cisco answered `"status": "ERROR"`; the message
 *   quotes its `statusMessage`), another %SA_CISCO_ERROR or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_cisco_api_transfer_licenses_finish (SaCiscoApi    *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_api_transfer_licenses_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
