/* sa-order-line-row.h — one line of an order: product, quantity, promised date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ORDER_LINE_ROW (sa_order_line_row_get_type ())
G_DECLARE_FINAL_TYPE (SaOrderLineRow, sa_order_line_row, SA, ORDER_LINE_ROW, AdwActionRow)

GtkWidget   *sa_order_line_row_new      (SaOrderLine    *line);
SaOrderLine *sa_order_line_row_get_line (SaOrderLineRow *self);

G_END_DECLS
