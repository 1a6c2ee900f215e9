/* sa-client-licenses.c — the boundary's calls for licenses and the user's own
 * Smart Accounts: the Smart Accounts view (accounts, roles, Virtual Accounts'
 * licenses) and "Where are my licenses?" for an order
 *
 * Each public function checks its arguments and calls the back end's class
 * method; a back end without one answers SA_CLIENT_ERROR_NOT_SUPPORTED (the
 * Desk today). Cisco answers all three (src/core/cisco/sa-cisco-client.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-client.h"
#include "sa-client-private.h"

/**
 * sa_client_list_my_accounts_async:
 * @self: an #SaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the Smart Accounts the signed-in user can reach, with the roles they
 * hold on each (with Cisco, those of the Cisco.com user who registered the API
 * application: `GET /v2/accounts`). Serves the check before procedure 4
 * ("you already have access") and the Smart Accounts view. Needs
 * %SA_CLIENT_FEATURE_MY_ACCOUNTS.
 */
void
sa_client_list_my_accounts_async (SaClient            *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->list_my_accounts_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->list_my_accounts_async (self, cancellable, callback, user_data);
}

/**
 * sa_client_list_my_accounts_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * An empty list is an answer, not an error: the user holds no role on any
 * Smart Account (with Cisco: the API application's registering user has
 * none; they must be given a role, or register with another Cisco.com user).
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaAccountAccess,
 *   possibly empty; or %NULL with %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_INVALID_CREDENTIALS, %SA_CLIENT_ERROR_NOT_AUTHORIZED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_FAILED, %SA_CLIENT_ERROR_NOT_SUPPORTED or
 *   %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_list_my_accounts_finish (SaClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->list_my_accounts_finish (self, result, error);
}

/**
 * sa_client_list_licenses_async:
 * @self: an #SaClient
 * @domain: the Smart Account's Domain Identifier
 * @virtual_account: (nullable): one Virtual Account's name (any script), or
 *   %NULL for all the Virtual Accounts of @domain the user may see
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the licenses in a Smart Account with their quantities (total, in use,
 * available), status and originating orders (sa_license_get_details()): the
 * Smart Accounts view, and the troubleshooting check "licenses not showing".
 * Every page of the back end's answer is read. Needs
 * %SA_CLIENT_FEATURE_LICENSES.
 */
void
sa_client_list_licenses_async (SaClient            *self,
                               const char          *domain,
                               const char          *virtual_account,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (domain != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->list_licenses_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->list_licenses_async (self, domain, virtual_account, cancellable, callback, user_data);
}

/**
 * sa_client_list_licenses_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaLicense, possibly
 *   empty, in the back end's order; or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_INPUT (empty domain),
 *   %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND, %SA_CLIENT_ERROR_NOT_AUTHORIZED
 *   (no role on that account), %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_INVALID_CREDENTIALS, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE, %SA_CLIENT_ERROR_FAILED,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_list_licenses_finish (SaClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->list_licenses_finish (self, result, error);
}

/**
 * sa_client_find_licenses_by_order_async:
 * @self: an #SaClient
 * @order_number: the Sales Order No. (surrounding spaces ignored)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * "Where are my licenses?": looks through the licenses of every Smart Account
 * the user can reach for those whose details name @order_number (with Cisco,
 * `licenseDetails[].orderNumber`: the one public way to learn which Smart
 * Account and Virtual Account an order landed in, CISCO-APIS.md §5.4). Serves
 * the troubleshooting checks of procedures 1 and 2: licenses appear only once
 * the order has shipped, the Smart Account is Active and no export hold
 * blocks it. Needs %SA_CLIENT_FEATURE_LICENSES.
 */
void
sa_client_find_licenses_by_order_async (SaClient            *self,
                                        const char          *order_number,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (order_number != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->find_licenses_by_order_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->find_licenses_by_order_async (self, order_number, cancellable, callback, user_data);
}

/**
 * sa_client_find_licenses_by_order_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Each license returned carries the Smart Account it sits in
 * (sa_license_get_smart_account_domain(), sa_license_get_smart_account_name())
 * and its Virtual Account (sa_license_get_virtual_account()). An empty list
 * means no license from that order has arrived in any Smart Account the user
 * can reach (not shipped yet, a Pending account, an export hold, or an
 * assignment to a Holding account only: the API cannot tell which).
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaLicense, possibly
 *   empty; or %NULL with %SA_CLIENT_ERROR_INVALID_INPUT (empty order number),
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INVALID_CREDENTIALS,
 *   %SA_CLIENT_ERROR_NOT_AUTHORIZED, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE, %SA_CLIENT_ERROR_FAILED,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_find_licenses_by_order_finish (SaClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->find_licenses_by_order_finish (self, result, error);
}
