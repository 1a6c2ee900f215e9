/* sa-cisco-orders.h — one order's status, from the CCW Order API
 *
 * `POST …/commerce/ORDER/v2/sync/checkOrderStatus` (CISCO-APIS.md §1.4), by
 * Sales Order No., Web Order No. or PO No.: Cisco offers no order list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-cisco-api.h"
#include "sa-cisco-order-status.h"
#include "sa-types.h"

G_BEGIN_DECLS

void                sa_cisco_api_check_order_status_async  (SaCiscoApi          *self,
                                                            SaOrderSearchField   field,
                                                            const char          *number,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
SaCiscoOrderStatus *sa_cisco_api_check_order_status_finish (SaCiscoApi          *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
