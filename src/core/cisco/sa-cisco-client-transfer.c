/* sa-cisco-client-transfer.c — the Cisco back end's one write: licenses
 * moved between two Virtual Accounts of a Smart Account
 *
 * sa_client_transfer_licenses_async() with Cisco is SaCiscoApi's existing
 * `POST /v1/accounts/{domain}/virtual-accounts/{source}/licenses/transfer`
 * (CISCO-APIS.md §1.2): the documented workaround for a Virtual Account whose
 * double-byte name the portal does not show (the order goes to DEFAULT, then
 * its licenses are transferred). Errors are mapped as the reads' are, with
 * two sentences of their own: a refusal for want of a role names the role
 * Cisco requires, and Cisco's `status: "ERROR"` keeps its own words quoted.
 *
 * Isolated so that it can be hooked into the class with one line in
 * sa_cisco_client_class_init(): sa_cisco_client_transfer_init_class().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-cisco-client-private.h"
#include "sa-cisco-error.h"
#include "sa-cisco-licenses.h"

static void
on_transferred (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaCiscoClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (sa_cisco_api_transfer_licenses_finish (SA_CISCO_API (object), result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* 403 for want of a role: say which role moving licenses needs. */
  if (g_error_matches (error, SA_CISCO_ERROR, SA_CISCO_ERROR_DENIED))
    {
      g_debug ("Cisco refused the transfer: %s", error->message);
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED, "%s",
                               _("Cisco refused the transfer: moving licenses between Virtual Accounts "
                                 "needs the Smart Account Administrator role, or the Virtual Account "
                                 "Administrator role on both Virtual Accounts, for the Cisco.com user "
                                 "who registered your API application. Ask an administrator of the "
                                 "Smart Account for that role, or to make the transfer."));
      return;
    }

  /* SA_CISCO_ERROR_REJECTED quotes Cisco's statusMessage: it becomes
   * SA_CLIENT_ERROR_FAILED with that message. */
  g_task_return_error (task, sa_cisco_client_map_error (self, g_steal_pointer (&error),
                                                        SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND));
}

static void
sa_cisco_client_transfer_licenses_async (SaClient                *client,
                                         const char              *domain,
                                         const char              *source_virtual_account,
                                         const char              *target_virtual_account,
                                         const SaLicenseTransfer *transfers,
                                         guint                    n_transfers,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  SaCiscoClient *self = SA_CISCO_CLIENT (client);
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  g_autofree SaCiscoLicenseTransfer *lines = g_new0 (SaCiscoLicenseTransfer, MAX (n_transfers, 1));

  g_task_set_source_tag (task, sa_cisco_client_transfer_licenses_async);

  /* The API builds its request before it returns: the lines may borrow. */
  for (guint i = 0; i < n_transfers; i++)
    {
      lines[i].license = transfers[i].license;
      lines[i].license_type = transfers[i].license_type;
      lines[i].quantity = transfers[i].quantity;
      lines[i].target_virtual_account = target_virtual_account;
    }

  sa_cisco_api_transfer_licenses_async (sa_cisco_client_get_api (self), domain, source_virtual_account,
                                        lines, n_transfers, cancellable,
                                        on_transferred, g_steal_pointer (&task));
}

static gboolean
sa_cisco_client_transfer_licenses_finish (SaClient      *client,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sa_cisco_client_transfer_init_class:
 * @client_class: the #SaClientClass of #SaCiscoClient
 *
 * Fills in the license transfer of the boundary
 * (sa_client_transfer_licenses_async(), feature
 * %SA_CLIENT_FEATURE_LICENSE_TRANSFER): the double-byte Virtual Account
 * workaround of procedures 1 and 2 (update-smart-account-assignment seed).
 * Called from sa_cisco_client_class_init().
 */
void
sa_cisco_client_transfer_init_class (SaClientClass *client_class)
{
  client_class->transfer_licenses_async = sa_cisco_client_transfer_licenses_async;
  client_class->transfer_licenses_finish = sa_cisco_client_transfer_licenses_finish;
}
