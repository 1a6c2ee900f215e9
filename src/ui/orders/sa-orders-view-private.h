/* sa-orders-view-private.h — what the tests reach inside the Orders view
 *
 * Not for the rest of the app: the UI tests drive the search with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-orders-view.h"

G_BEGIN_DECLS

void sa_orders_view_set_search (SaOrdersView       *self,
                                SaOrderSearchField  field,
                                const char         *value);
guint sa_orders_view_get_n_searches (SaOrdersView       *self);

G_END_DECLS
