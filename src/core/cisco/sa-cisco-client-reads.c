/* sa-cisco-client-reads.c — the Cisco back end's reads: orders from the CCW
 * Order API; Smart Accounts, Virtual Accounts, the user's own accounts and
 * licenses from the Smart Accounts & Licensing API
 *
 * Each operation calls the #SaCiscoApi read of the same meaning, maps its
 * errors with sa_cisco_client_map_error() and turns its results into core's
 * domain objects. docs/cisco.md, "The client", maps each one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include "sa-cisco-accounts.h"
#include "sa-cisco-client-private.h"
#include "sa-cisco-error.h"
#include "sa-cisco-licenses.h"
#include "sa-cisco-orders.h"

static GTask *
read_task_new (SaClient            *client,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

/* Completes @task with @error from the API, mapped. */
static void
return_mapped (GTask         *task,
               GError        *error,
               SaClientError  not_found)
{
  SaCiscoClient *self = g_task_get_source_object (task);

  g_task_return_error (task, sa_cisco_client_map_error (self, error, not_found));
}

static GListModel *
propagate_list (SaClient      *client,
                GAsyncResult  *result,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Orders: checkOrderStatus (CISCO-APIS.md §1.4) */

/* Cisco publishes no list of status texts: the four words the Desk knows map
 * to themselves, "Shipped" (any case) to SHIPPED as
 * sa_cisco_order_status_is_shipped() decides, anything else to BOOKED (CCW
 * answers for orders that exist). The text itself stays on the order. */
static SaOrderStatus
status_from_text (SaCiscoOrderStatus *status)
{
  const char *text = sa_cisco_order_status_get_status_text (status);
  g_autofree char *stripped = NULL;

  if (sa_cisco_order_status_is_shipped (status))
    return SA_ORDER_STATUS_SHIPPED;
  if (text == NULL)
    return SA_ORDER_STATUS_BOOKED;

  stripped = g_strstrip (g_strdup (text));
  if (g_ascii_strcasecmp (stripped, "Entered") == 0)
    return SA_ORDER_STATUS_ENTERED;
  if (g_ascii_strcasecmp (stripped, "Scheduled") == 0)
    return SA_ORDER_STATUS_SCHEDULED;

  return SA_ORDER_STATUS_BOOKED;
}

/* The boundary's order for Cisco's order status; NULL when Cisco named no
 * sales order (an order is known by it everywhere else). */
static SaOrder *
order_from_status (SaCiscoOrderStatus *status)
{
  const char *sales_order_number = sa_cisco_order_status_get_sales_order_number (status);
  GListModel *lines = sa_cisco_order_status_get_lines (status);
  guint n_lines = g_list_model_get_n_items (lines);
  g_autoptr(SaOrderLine) first = NULL;
  SaOrder *order;

  if (sales_order_number == NULL || *sales_order_number == '\0')
    return NULL;

  order = sa_order_new (sales_order_number, status_from_text (status),
                        sa_cisco_order_status_get_status_text (status));
  sa_order_set_numbers (order,
                        sa_cisco_order_status_get_web_order_number (status),
                        sa_cisco_order_status_get_purchase_order_number (status));
  sa_order_set_parties (order,
                        sa_cisco_order_status_get_bill_to (status),
                        sa_cisco_order_status_get_ship_to (status),
                        sa_cisco_order_status_get_end_customer (status));

  /* What was ordered: the first line's product, as an order row shows it. */
  if (n_lines > 0)
    {
      first = g_list_model_get_item (lines, 0);
      sa_order_set_description (order,
                                sa_order_line_get_description (first) != NULL
                                ? sa_order_line_get_description (first)
                                : sa_order_line_get_sku (first),
                                NULL);
    }
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(SaOrderLine) line = g_list_model_get_item (lines, i);

      sa_order_add_line (order, line);
    }

  /* No Smart Account, Virtual Account or export hold in this answer. */
  sa_order_set_assignment_known (order, FALSE);

  return order;
}

static SaOrder *
finish_order_status (GTask         *task,
                     SaCiscoApi    *api,
                     GAsyncResult  *result)
{
  g_autoptr(SaCiscoOrderStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  SaOrder *order;

  status = sa_cisco_api_check_order_status_finish (api, result, &error);
  if (status == NULL)
    {
      return_mapped (task, g_steal_pointer (&error), SA_CLIENT_ERROR_ORDER_NOT_FOUND);
      return NULL;
    }

  order = order_from_status (status);
  if (order == NULL)
    g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_RESPONSE,
                                                    "checkOrderStatus named no sales order"));
  return order;
}

static void
on_order_searched (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SaOrder) order = finish_order_status (task, SA_CISCO_API (object), result);
  g_autoptr(GListStore) store = NULL;

  if (order == NULL)
    return;

  store = g_list_store_new (SA_TYPE_ORDER);
  g_list_store_append (store, order);
  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void
search_orders_async (SaClient            *client,
                     SaOrderSearchField   field,
                     const char          *value,
                     guint                offset,
                     guint                limit,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  g_autoptr(GTask) task = read_task_new (client, search_orders_async, cancellable, callback, user_data);

  /* Cisco lists no orders: one order, by its number (there is no page 2). */
  if (value == NULL || offset > 0)
    {
      g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_INPUT,
                                                      value == NULL ? "Cisco lists no orders"
                                                                    : "Cisco finds one order: no second page"));
      return;
    }

  sa_cisco_api_check_order_status_async (self->api, field, value, cancellable,
                                         on_order_searched, g_steal_pointer (&task));
}

static GListModel *
search_orders_finish (SaClient      *client,
                      GAsyncResult  *result,
                      guint         *total_records,
                      GError       **error)
{
  GListModel *orders = propagate_list (client, result, error);

  if (total_records != NULL)
    *total_records = orders != NULL ? g_list_model_get_n_items (orders) : 0;

  return orders;
}

static void
on_order_fetched (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaOrder *order = finish_order_status (task, SA_CISCO_API (object), result);

  if (order != NULL)
    g_task_return_pointer (task, order, g_object_unref);
}

static void
get_order_async (SaClient            *client,
                 const char          *sales_order_number,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  g_autoptr(GTask) task = read_task_new (client, get_order_async, cancellable, callback, user_data);

  if (sales_order_number == NULL)
    {
      g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_INPUT,
                                                      "no sales order number"));
      return;
    }

  sa_cisco_api_check_order_status_async (self->api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER,
                                         sales_order_number, cancellable,
                                         on_order_fetched, g_steal_pointer (&task));
}

static SaOrder *
get_order_finish (SaClient      *client,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Smart Accounts and Virtual Accounts (CISCO-APIS.md §1.2) */

static void
on_accounts_searched (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *accounts;

  accounts = sa_cisco_api_search_accounts_finish (SA_CISCO_API (object), result, NULL, &error);
  if (accounts == NULL)
    return_mapped (task, g_steal_pointer (&error), SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
  else
    g_task_return_pointer (task, accounts, g_object_unref);
}

static void
search_accounts_async (SaClient             *client,
                       SaAccountSearchField  field,
                       const char           *value,
                       int                   type_filter,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  GTask *task = read_task_new (client, search_accounts_async, cancellable, callback, user_data);
  SaCiscoTypeFilter type = SA_CISCO_TYPE_FILTER_ANY;

  if (type_filter == SA_ACCOUNT_TYPE_CUSTOMER)
    type = SA_CISCO_TYPE_FILTER_CUSTOMER;
  else if (type_filter == SA_ACCOUNT_TYPE_HOLDING)
    type = SA_CISCO_TYPE_FILTER_HOLDING;

  /* Substring matches; an e-mail search is refused by the API layer. */
  sa_cisco_api_search_accounts_async (self->api, field, value, type, 0, 0, cancellable,
                                      on_accounts_searched, task);
}

static void
on_candidates_searched (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GListStore) exact = g_list_store_new (SA_TYPE_SMART_ACCOUNT);
  const char *domain = g_task_get_task_data (task);
  guint n;

  accounts = sa_cisco_api_search_accounts_finish (SA_CISCO_API (object), result, NULL, &error);
  if (accounts == NULL)
    {
      return_mapped (task, g_steal_pointer (&error), SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
      return;
    }

  /* Cisco's domain search matches substrings: keep the exact ones. */
  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (accounts, i);

      if (g_ascii_strcasecmp (sa_smart_account_get_domain (account), domain) == 0)
        g_list_store_append (exact, account);
    }

  g_task_return_pointer (task, g_steal_pointer (&exact), g_object_unref);
}

static void
find_access_candidates_async (SaClient            *client,
                              const char          *domain,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  GTask *task = read_task_new (client, find_access_candidates_async, cancellable, callback, user_data);
  g_autofree char *stripped = g_strstrip (g_strdup (domain != NULL ? domain : ""));

  g_task_set_task_data (task, g_strdup (stripped), g_free);
  sa_cisco_api_search_accounts_async (self->api, SA_ACCOUNT_SEARCH_DOMAIN, stripped,
                                      SA_CISCO_TYPE_FILTER_ANY, 0, 0, cancellable,
                                      on_candidates_searched, task);
}

static int
default_first (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gboolean a_default = sa_virtual_account_get_is_default ((SaVirtualAccount *) a);
  gboolean b_default = sa_virtual_account_get_is_default ((SaVirtualAccount *) b);

  return (b_default ? 1 : 0) - (a_default ? 1 : 0);
}

static void
on_virtual_accounts_listed (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GListStore) sorted = g_list_store_new (SA_TYPE_VIRTUAL_ACCOUNT);
  guint n;

  listed = sa_cisco_api_list_virtual_accounts_finish (SA_CISCO_API (object), result, &error);
  if (listed == NULL)
    {
      return_mapped (task, g_steal_pointer (&error), SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
      return;
    }

  /* DEFAULT first, the others in Cisco's order (the sort is stable). */
  n = g_list_model_get_n_items (listed);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaVirtualAccount) virtual_account = g_list_model_get_item (listed, i);

      g_list_store_append (sorted, virtual_account);
    }
  g_list_store_sort (sorted, default_first, NULL);

  g_task_return_pointer (task, g_steal_pointer (&sorted), g_object_unref);
}

static void
list_virtual_accounts_async (SaClient            *client,
                             const char          *domain,
                             SaAccountType        account_type,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  GTask *task = read_task_new (client, list_virtual_accounts_async, cancellable, callback, user_data);

  sa_cisco_api_list_virtual_accounts_async (self->api, domain, account_type, cancellable,
                                            on_virtual_accounts_listed, task);
}

/* ------------------------------------------------------------------------ */
/* The user's Smart Accounts and roles (/v2/accounts) */

static void
on_my_accounts_listed (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *accounts;

  accounts = sa_cisco_api_list_account_access_finish (SA_CISCO_API (object), result, &error);
  if (accounts == NULL)
    return_mapped (task, g_steal_pointer (&error), SA_CLIENT_ERROR_NOT_FOUND);
  else
    g_task_return_pointer (task, accounts, g_object_unref);
}

static void
list_my_accounts_async (SaClient            *client,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  GTask *task = read_task_new (client, list_my_accounts_async, cancellable, callback, user_data);

  sa_cisco_api_list_account_access_async (self->api, NULL, cancellable,
                                          on_my_accounts_listed, task);
}

/* ------------------------------------------------------------------------ */
/* Licenses (POST …/licenses, paged) */

static void
set_smart_account (GListModel *licenses,
                   const char *domain,
                   const char *name)
{
  guint n = g_list_model_get_n_items (licenses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);

      sa_license_set_smart_account (license, domain, name);
    }
}

static void
on_licenses_listed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *licenses;

  licenses = sa_cisco_api_list_licenses_finish (SA_CISCO_API (object), result, &error);
  if (licenses == NULL)
    {
      return_mapped (task, g_steal_pointer (&error), SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
      return;
    }

  set_smart_account (licenses, g_task_get_task_data (task), NULL);
  g_task_return_pointer (task, licenses, g_object_unref);
}

static void
list_licenses_async (SaClient            *client,
                     const char          *domain,
                     const char          *virtual_account,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  GTask *task = read_task_new (client, list_licenses_async, cancellable, callback, user_data);
  const char *only[] = { virtual_account, NULL };

  g_task_set_task_data (task, g_strdup (domain), g_free);
  sa_cisco_api_list_licenses_async (self->api, domain, virtual_account != NULL ? only : NULL,
                                    cancellable, on_licenses_listed, task);
}

/* "Where are my licenses?": /v2/accounts, then each account's licenses in
 * turn (one at a time: the rate limit is Cisco's and ours). */
typedef struct
{
  char       *order_number;
  GListModel *accounts;   /* of SaAccountAccess */
  guint       next;
  GListStore *found;      /* of SaLicense */
} FindData;

static void
find_data_free (gpointer data)
{
  FindData *find = data;

  g_free (find->order_number);
  g_clear_object (&find->accounts);
  g_clear_object (&find->found);
  g_free (find);
}

static void look_in_next_account (GTask *task);

static void
on_account_licenses_found (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindData *find = g_task_get_task_data (task);
  g_autoptr(SaAccountAccess) access = g_list_model_get_item (find->accounts, find->next - 1);
  SaSmartAccount *account = sa_account_access_get_account (access);
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  licenses = sa_cisco_api_find_licenses_by_order_finish (SA_CISCO_API (object), result, &error);
  if (licenses == NULL)
    {
      /* A role on one Virtual Account only may not read the account's
       * licenses: that account is skipped, not the whole search. */
      if (g_error_matches (error, SA_CISCO_ERROR, SA_CISCO_ERROR_DENIED) ||
          g_error_matches (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NOT_FOUND))
        {
          g_debug ("Licenses of %s not readable: %s",
                   sa_smart_account_get_domain (account), error->message);
          look_in_next_account (g_steal_pointer (&task));
          return;
        }

      return_mapped (task, g_steal_pointer (&error), SA_CLIENT_ERROR_NOT_FOUND);
      return;
    }

  set_smart_account (licenses, sa_smart_account_get_domain (account),
                     sa_smart_account_get_name (account));
  n = g_list_model_get_n_items (licenses);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);

      g_list_store_append (find->found, license);
    }

  look_in_next_account (g_steal_pointer (&task));
}

static void
look_in_next_account (GTask *task)
{
  FindData *find = g_task_get_task_data (task);
  SaCiscoClient *self = g_task_get_source_object (task);
  g_autoptr(SaAccountAccess) access = NULL;

  if (find->next >= g_list_model_get_n_items (find->accounts))
    {
      g_task_return_pointer (task, g_object_ref (find->found), g_object_unref);
      g_object_unref (task);
      return;
    }

  access = g_list_model_get_item (find->accounts, find->next++);
  sa_cisco_api_find_licenses_by_order_async (self->api,
                                             sa_smart_account_get_domain (sa_account_access_get_account (access)),
                                             find->order_number,
                                             g_task_get_cancellable (task),
                                             on_account_licenses_found, task);
}

static void
on_accounts_for_order (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindData *find = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  find->accounts = sa_cisco_api_list_account_access_finish (SA_CISCO_API (object), result, &error);
  if (find->accounts == NULL)
    {
      return_mapped (task, g_steal_pointer (&error), SA_CLIENT_ERROR_NOT_FOUND);
      return;
    }

  look_in_next_account (g_steal_pointer (&task));
}

static void
find_licenses_by_order_async (SaClient            *client,
                              const char          *order_number,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  g_autoptr(GTask) task = read_task_new (client, find_licenses_by_order_async, cancellable, callback, user_data);
  FindData *find;

  find = g_new0 (FindData, 1);
  find->order_number = g_strstrip (g_strdup (order_number));
  find->found = g_list_store_new (SA_TYPE_LICENSE);
  g_task_set_task_data (task, find, find_data_free);

  if (*find->order_number == '\0')
    {
      return_mapped (task, sa_cisco_error_new (SA_CISCO_ERROR_INVALID_INPUT, "empty order number"),
                     SA_CLIENT_ERROR_NOT_FOUND);
      return;
    }

  sa_cisco_api_list_account_access_async (self->api, NULL, cancellable,
                                          on_accounts_for_order, g_steal_pointer (&task));
}

/* ------------------------------------------------------------------------ */

/**
 * sa_cisco_client_reads_init_class:
 * @client_class: #SaCiscoClient's class
 *
 * Fills in the reads Cisco answers: orders by number, Smart Account search,
 * access candidates, Virtual Accounts, the user's Smart Accounts, licenses
 * and licenses by order.
 */
void
sa_cisco_client_reads_init_class (SaClientClass *client_class)
{
  client_class->search_orders_async = search_orders_async;
  client_class->search_orders_finish = search_orders_finish;
  client_class->get_order_async = get_order_async;
  client_class->get_order_finish = get_order_finish;
  client_class->search_accounts_async = search_accounts_async;
  client_class->search_accounts_finish = propagate_list;
  client_class->find_access_candidates_async = find_access_candidates_async;
  client_class->find_access_candidates_finish = propagate_list;
  client_class->list_virtual_accounts_async = list_virtual_accounts_async;
  client_class->list_virtual_accounts_finish = propagate_list;
  client_class->list_my_accounts_async = list_my_accounts_async;
  client_class->list_my_accounts_finish = propagate_list;
  client_class->list_licenses_async = list_licenses_async;
  client_class->list_licenses_finish = propagate_list;
  client_class->find_licenses_by_order_async = find_licenses_by_order_async;
  client_class->find_licenses_by_order_finish = propagate_list;
}
