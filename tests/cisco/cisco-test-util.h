/* cisco-test-util.h — waiting for the Cisco layer's async calls in tests
 *
 * Each helper starts one call and runs the default main context until it
 * completes (30 s at most) with tests/core's core_test_on_ready() and
 * core_test_wait(), which the Cisco tests use for their own calls too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core-test-util.h"
#include "sa-cisco.h"

G_BEGIN_DECLS

gboolean            cisco_test_request_token  (SaCiscoApi    *api,
                                               GError       **error);
GListModel         *cisco_test_search         (SaCiscoApi           *api,
                                               SaAccountSearchField  field,
                                               const char           *text,
                                               SaCiscoTypeFilter     type,
                                               guint                *total,
                                               GError              **error);
GListModel         *cisco_test_account_access (SaCiscoApi    *api,
                                               const char    *domain,
                                               GError       **error);
GListModel         *cisco_test_virtual_accounts (SaCiscoApi    *api,
                                                 const char    *domain,
                                                 SaAccountType  type,
                                                 GError       **error);
GListModel         *cisco_test_licenses       (SaCiscoApi          *api,
                                               const char          *domain,
                                               const char * const  *virtual_accounts,
                                               GError             **error);
GListModel         *cisco_test_licenses_by_order (SaCiscoApi    *api,
                                                  const char    *domain,
                                                  const char    *order_number,
                                                  GError       **error);
gboolean            cisco_test_transfer       (SaCiscoApi                   *api,
                                               const char                   *domain,
                                               const char                   *source,
                                               const SaCiscoLicenseTransfer *transfers,
                                               guint                         n_transfers,
                                               GError                      **error);
SaCiscoOrderStatus *cisco_test_order          (SaCiscoApi         *api,
                                               SaOrderSearchField  field,
                                               const char         *number,
                                               GError            **error);

GTlsCertificate    *cisco_test_make_certificate (const char   *dir);

G_END_DECLS
