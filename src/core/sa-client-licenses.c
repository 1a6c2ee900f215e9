/* sa-client-licenses.c — the boundary's calls for licenses and the user's own
 * Smart Accounts: the Smart Accounts view (accounts, roles, Virtual Accounts'
 * licenses), "Where are my licenses?" for an order, and the transfer of
 * licenses between Virtual Accounts
 *
 * Each public function checks its arguments and calls the back end's class
 * method; a back end without one answers SA_CLIENT_ERROR_NOT_SUPPORTED (the
 * Desk today). Cisco answers all four (src/core/cisco/sa-cisco-client.c; the
 * transfer in sa-cisco-client-transfer.c).
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

/**
 * sa_license_transfer_clear:
 * @transfer: an #SaLicenseTransfer
 *
 * Frees the strings of @transfer (not @transfer itself) and empties it: the
 * clear function of a #GArray of #SaLicenseTransfer.
 */
void
sa_license_transfer_clear (SaLicenseTransfer *transfer)
{
  g_return_if_fail (transfer != NULL);

  g_clear_pointer (&transfer->license, g_free);
  g_clear_pointer (&transfer->license_type, g_free);
  transfer->quantity = 0;
}

static gboolean
transfers_are_valid (const SaLicenseTransfer *transfers,
                     guint                    n_transfers)
{
  if (transfers == NULL || n_transfers == 0)
    return FALSE;

  for (guint i = 0; i < n_transfers; i++)
    if (transfers[i].license == NULL || *transfers[i].license == '\0' ||
        transfers[i].license_type == NULL || transfers[i].quantity < 1)
      return FALSE;

  return TRUE;
}

/**
 * sa_client_transfer_licenses_async:
 * @self: an #SaClient
 * @domain: the Smart Account's Domain Identifier
 * @source_virtual_account: the Virtual Account the licenses leave (DEFAULT
 *   in the double-byte workaround)
 * @target_virtual_account: the Virtual Account that receives them (any
 *   script), not @source_virtual_account
 * @transfers: (array length=n_transfers): which licenses, of which type, how
 *   many; read before this function returns
 * @n_transfers: how many lines, at least 1
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Transfers licenses between two Virtual Accounts of one Smart Account (with
 * Cisco: `POST /v1/accounts/{domain}/virtual-accounts/{source}/licenses/transfer`,
 * CISCO-APIS.md §1.2). It serves the documented workaround for a Virtual
 * Account whose double-byte name the portal does not show (the update
 * assignment seed): the order is assigned to DEFAULT in the portal, then its
 * licenses are moved here. The one write the app performs against Cisco: the
 * UI asks for confirmation first, naming the licenses, quantities and both
 * Virtual Accounts. Needs %SA_CLIENT_FEATURE_LICENSE_TRANSFER.
 */
void
sa_client_transfer_licenses_async (SaClient                *self,
                                   const char              *domain,
                                   const char              *source_virtual_account,
                                   const char              *target_virtual_account,
                                   const SaLicenseTransfer *transfers,
                                   guint                    n_transfers,
                                   GCancellable            *cancellable,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (domain != NULL);
  g_return_if_fail (source_virtual_account != NULL);
  g_return_if_fail (target_virtual_account != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->transfer_licenses_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  if (!transfers_are_valid (transfers, n_transfers) ||
      g_strcmp0 (source_virtual_account, target_virtual_account) == 0)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, sa_client_transfer_licenses_async);
      g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_INPUT,
                                                      "no license, a quantity below 1 or one Virtual Account"));
      return;
    }

  klass->transfer_licenses_async (self, domain, source_virtual_account, target_virtual_account,
                                  transfers, n_transfers, cancellable, callback, user_data);
}

/**
 * sa_client_transfer_licenses_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * On failure nothing was moved. The message says what to do next; with
 * Cisco, a refusal in Cisco's own words (`status: "ERROR"`) is quoted in
 * it, and a missing role is named (moving licenses needs an administrator
 * role on the Smart Account or on both Virtual Accounts).
 *
 * Returns: %TRUE when the back end accepted the transfer; otherwise %FALSE
 *   with %SA_CLIENT_ERROR_INVALID_INPUT (nothing to move, a quantity below 1,
 *   the same Virtual Account twice), %SA_CLIENT_ERROR_NOT_AUTHORIZED (the
 *   role is missing), %SA_CLIENT_ERROR_FAILED (refused: Cisco's
 *   `statusMessage` quoted), %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INVALID_CREDENTIALS,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
gboolean
sa_client_transfer_licenses_finish (SaClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  if (sa_client_is_not_supported (self, result) ||
      g_async_result_is_tagged (result, sa_client_transfer_licenses_async))
    return g_task_propagate_boolean (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->transfer_licenses_finish (self, result, error);
}
