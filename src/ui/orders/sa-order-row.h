/* sa-order-row.h — one order in the Orders search results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ORDER_ROW (sa_order_row_get_type ())
G_DECLARE_FINAL_TYPE (SaOrderRow, sa_order_row, SA, ORDER_ROW, AdwActionRow)

GtkWidget  *sa_order_row_new       (SaOrder    *order);
SaOrder    *sa_order_row_get_order (SaOrderRow *self);
const char *sa_order_row_get_title (SaOrderRow *self);
void        sa_order_row_set_order (SaOrderRow *self,
                                    SaOrder    *order);
gboolean    sa_order_row_shows     (SaOrderRow *self,
                                    SaOrder    *order);

G_END_DECLS
