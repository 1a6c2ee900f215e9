/* sa-move-licenses.h — "Move Licenses…" on a Virtual Account of the Smart
 * Accounts view: licenses moved to another Virtual Account of the same
 * Smart Account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

gboolean sa_move_licenses_can_offer (SaClient   *client,
                                     GListModel *virtual_accounts,
                                     GListModel *licenses);
void     sa_move_licenses_present   (GtkWidget  *page,
                                     SaClient   *client,
                                     const char *domain,
                                     const char *source,
                                     GListModel *licenses,
                                     GListModel *virtual_accounts);

G_END_DECLS
