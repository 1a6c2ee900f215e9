/* sa-cisco-licenses.h — licenses per Smart Account / Virtual Account, from Cisco
 *
 * `POST /v1/accounts/{domain}/licenses` (paged) with the originating order of
 * every quantity, the search of an order's licenses by its number, and the
 * one write Cisco publishes here: `POST …/virtual-accounts/{va}/licenses/transfer`
 * (CISCO-APIS.md §1.2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-cisco-api.h"
#include "sa-license.h"

G_BEGIN_DECLS

/**
 * SaCiscoLicenseTransfer:
 * @license: the license's name, as sa_license_get_license() gives it
 * @license_type: "PERPETUAL" or "TERM"
 * @quantity: how many, at least 1
 * @target_virtual_account: the Virtual Account that receives them
 *
 * One entry of a transfer request (Cisco's `licenses[]`: `license`,
 * `licenseType`, `quantity`, `targetVirtualAccount`; `precedence` is always
 * "LONGEST_TERM_FIRST").
 */
typedef struct
{
  const char *license;
  const char *license_type;
  gint64      quantity;
  const char *target_virtual_account;
} SaCiscoLicenseTransfer;

void        sa_cisco_api_list_licenses_async           (SaCiscoApi                   *self,
                                                        const char                   *domain,
                                                        const char * const           *virtual_accounts,
                                                        GCancellable                 *cancellable,
                                                        GAsyncReadyCallback           callback,
                                                        gpointer                      user_data);
GListModel *sa_cisco_api_list_licenses_finish          (SaCiscoApi                   *self,
                                                        GAsyncResult                 *result,
                                                        GError                      **error);

void        sa_cisco_api_find_licenses_by_order_async  (SaCiscoApi                   *self,
                                                        const char                   *domain,
                                                        const char                   *order_number,
                                                        GCancellable                 *cancellable,
                                                        GAsyncReadyCallback           callback,
                                                        gpointer                      user_data);
GListModel *sa_cisco_api_find_licenses_by_order_finish (SaCiscoApi                   *self,
                                                        GAsyncResult                 *result,
                                                        GError                      **error);

GListModel *sa_cisco_find_licenses_by_order            (GListModel                   *licenses,
                                                        const char                   *order_number);

void        sa_cisco_api_transfer_licenses_async       (SaCiscoApi                   *self,
                                                        const char                   *domain,
                                                        const char                   *source_virtual_account,
                                                        const SaCiscoLicenseTransfer *transfers,
                                                        guint                         n_transfers,
                                                        GCancellable                 *cancellable,
                                                        GAsyncReadyCallback           callback,
                                                        gpointer                      user_data);
gboolean    sa_cisco_api_transfer_licenses_finish      (SaCiscoApi                   *self,
                                                        GAsyncResult                 *result,
                                                        GError                      **error);

G_END_DECLS
