/* sa-client-orders.c — the boundary's calls for procedures 1 and 2: find an
 * order, assign it or change its End Customer and Holding Smart Accounts
 * (orders, Smart Accounts, Virtual Accounts)
 *
 * Each public function checks its arguments and calls the back end's class
 * method; a back end without one answers SA_CLIENT_ERROR_NOT_SUPPORTED.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-client.h"
#include "sa-client-private.h"

/**
 * sa_client_search_orders_async:
 * @self: an #SaClient
 * @field: what to search in: Sales Order No., Web Order No. or PO No.
 * @value: (nullable): the value (or part of it, case-insensitive); %NULL lists
 *   every order the user may see. The app's rule (issue 12): a Sales Order No.
 *   is searched as a prefix — the orders whose number starts with @value —
 *   which a back end answers from an index; Web Order No. and PO No. may
 *   match anywhere. A back end that still matches a Sales Order No. anywhere
 *   returns those orders too (a superset, in the same order)
 * @offset: index of the first result (paging), from 0; SaOrderPages asks
 *   for pages of 100 at offsets 0, 100, 200…
 * @limit: at most this many results, 1 to 100; 0 for the back end's default (50)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Searches orders: step 2 of assigning an order (find the order in CCW) and
 * step 3 of changing an assignment (search for the order). @value is checked
 * with sa_validate_order_search() first. Needs
 * %SA_CLIENT_FEATURE_ORDER_LIST.
 */
void
sa_client_search_orders_async (SaClient            *self,
                               SaOrderSearchField   field,
                               const char          *value,
                               guint                offset,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->search_orders_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->search_orders_async (self, field, value, offset, limit, cancellable, callback, user_data);
}

/**
 * sa_client_search_orders_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @total_records: (out) (optional): the number of matching orders on the
 *   server, across all pages; 0 on error
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaOrder (without
 *   ETags), possibly empty; or %NULL with %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_search_orders_finish (SaClient      *self,
                                GAsyncResult  *result,
                                guint         *total_records,
                                GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (total_records != NULL)
    *total_records = 0;

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->search_orders_finish (self, result, total_records, error);
}

/**
 * sa_client_get_order_async:
 * @self: an #SaClient
 * @sales_order_number: a full Sales Order No. (1 to 20 digits)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Fetches one order with its Smart Account assignment and ETag: step 3 of
 * changing an assignment (open the order and view its Smart Account
 * assignments), and the re-read after a change or a version conflict.
 */
void
sa_client_get_order_async (SaClient            *self,
                           const char          *sales_order_number,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->get_order_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->get_order_async (self, sales_order_number, cancellable, callback, user_data);
}

/**
 * sa_client_get_order_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the order, with its ETag; or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_ORDER_NOT_FOUND,
 *   %SA_CLIENT_ERROR_NOT_AUTHORIZED, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE, %SA_CLIENT_ERROR_NOT_SUPPORTED or
 *   %G_IO_ERROR_CANCELLED
 */
SaOrder *
sa_client_get_order_finish (SaClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->get_order_finish (self, result, error);
}

/**
 * sa_client_update_assignment_async:
 * @self: an #SaClient
 * @order: the order as last fetched with sa_client_get_order_async(); its
 *   Sales Order No. and ETag are used
 * @end_customer: (nullable): the new End Customer Smart Account slot (its
 *   domain and Virtual Account are sent), or %NULL to leave it as it is
 * @holding: (nullable): the new Holding Smart Account slot, or %NULL to leave
 *   it as it is
 * @terms_accepted: whether the user ticked the terms of use
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Submits the change: the last steps of both procedures — accept the terms of
 * use, Submit, "Submit Change", Yes. At least one slot is required, and its
 * domain and Virtual Account are checked locally
 * (%SA_CLIENT_ERROR_INVALID_INPUT). The rest is the server's to decide, so
 * that its rules are enforced in one place: @terms_accepted is sent as it is
 * (%SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED), the account type of each slot is
 * checked by the server (%SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE), and an @order
 * without an ETag (from a search result) is refused with
 * %SA_CLIENT_ERROR_PRECONDITION_REQUIRED. Needs
 * %SA_CLIENT_FEATURE_ASSIGNMENT_WRITE.
 */
void
sa_client_update_assignment_async (SaClient            *self,
                                   SaOrder             *order,
                                   SaAssignment        *end_customer,
                                   SaAssignment        *holding,
                                   gboolean             terms_accepted,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (SA_IS_ORDER (order));
  g_return_if_fail (end_customer == NULL || SA_IS_ASSIGNMENT (end_customer));
  g_return_if_fail (holding == NULL || SA_IS_ASSIGNMENT (holding));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->update_assignment_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->update_assignment_async (self, order, end_customer, holding, terms_accepted,
                                  cancellable, callback, user_data);
}

/**
 * sa_client_update_assignment_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the updated order with its new ETag; or
 *   %NULL with %SA_CLIENT_ERROR_ORDER_SHIPPED (the license is provisioned: a
 *   case with Global Licensing Operations is the only route),
 *   %SA_CLIENT_ERROR_VERSION_CONFLICT (reload the order and submit again),
 *   %SA_CLIENT_ERROR_PRECONDITION_REQUIRED, %SA_CLIENT_ERROR_NOT_AUTHORIZED,
 *   %SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE,
 *   %SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND,
 *   %SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED, %SA_CLIENT_ERROR_ORDER_NOT_FOUND,
 *   %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED (make the change on CCW) or
 *   %G_IO_ERROR_CANCELLED
 */
SaOrder *
sa_client_update_assignment_finish (SaClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->update_assignment_finish (self, result, error);
}

/**
 * sa_client_search_accounts_async:
 * @self: an #SaClient
 * @field: search by Domain Identifier, Account Name or Email ID
 * @value: the value, or part of it (case-insensitive)
 * @type_filter: an #SaAccountType to return only End Customer or only Holding
 *   accounts, or -1 for both
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Searches Smart Accounts: step 6 of assigning an order ("Select an existing
 * account", search by Domain Identifier, Account Name or e-mail). @value is
 * checked with sa_validate_account_search() first.
 */
void
sa_client_search_accounts_async (SaClient             *self,
                                 SaAccountSearchField  field,
                                 const char           *value,
                                 int                   type_filter,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->search_accounts_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->search_accounts_async (self, field, value, type_filter, cancellable, callback, user_data);
}

/**
 * sa_client_search_accounts_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaSmartAccount,
 *   possibly empty; or %NULL with %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_search_accounts_finish (SaClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->search_accounts_finish (self, result, error);
}

/**
 * sa_client_list_virtual_accounts_async:
 * @self: an #SaClient
 * @domain: the Smart Account's Domain Identifier
 * @account_type: its type (a domain may hold one account of each type)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists a Smart Account's Virtual Accounts: step 7 of assigning an order
 * (choose the Virtual Account from the drop-down). Names in any script,
 * Japanese included, come back intact.
 */
void
sa_client_list_virtual_accounts_async (SaClient            *self,
                                       const char          *domain,
                                       SaAccountType        account_type,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->list_virtual_accounts_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->list_virtual_accounts_async (self, domain, account_type, cancellable, callback, user_data);
}

/**
 * sa_client_list_virtual_accounts_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaVirtualAccount,
 *   DEFAULT first; or %NULL with %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_list_virtual_accounts_finish (SaClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->list_virtual_accounts_finish (self, result, error);
}
