/* sa-orders-view.h — the Orders view: order search, results, order pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-order-page.h"

G_BEGIN_DECLS

#define SA_TYPE_ORDERS_VIEW (sa_orders_view_get_type ())
G_DECLARE_FINAL_TYPE (SaOrdersView, sa_orders_view, SA, ORDERS_VIEW, AdwBin)

GtkWidget   *sa_orders_view_new            (void);
void         sa_orders_view_set_client     (SaOrdersView       *self,
                                            SaClient           *client);
gboolean     sa_orders_view_get_loading    (SaOrdersView       *self);
GListModel  *sa_orders_view_get_results    (SaOrdersView       *self);
SaOrderPage *sa_orders_view_open_order     (SaOrdersView       *self,
                                            const char         *sales_order_number);
SaOrderPage *sa_orders_view_get_order_page (SaOrdersView       *self);
void         sa_orders_view_focus_search   (SaOrdersView       *self);

G_END_DECLS
