/* sa-cisco-order-line.h — one line of an order, as the CCW Order API gives it
 *
 * From `PurchaseOrderLine[]` of checkOrderStatus (CISCO-APIS.md §1.4): the SKU
 * (`Item.ID`), its description, the quantity (`Item.Lot[0].Quantity`), the
 * line number (`SalesOrderReference.LineNumberID`), the promised delivery
 * date and the ship set (`LineIDSet[0].ID[0]`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SA_TYPE_CISCO_ORDER_LINE (sa_cisco_order_line_get_type ())
G_DECLARE_FINAL_TYPE (SaCiscoOrderLine, sa_cisco_order_line, SA, CISCO_ORDER_LINE, GObject)

SaCiscoOrderLine *sa_cisco_order_line_new                (const char       *sku,
                                                          const char       *description,
                                                          double            quantity,
                                                          const char       *line_number,
                                                          GDateTime        *promised_date,
                                                          const char       *ship_set);
const char       *sa_cisco_order_line_get_sku            (SaCiscoOrderLine *self);
const char       *sa_cisco_order_line_get_description    (SaCiscoOrderLine *self);
double            sa_cisco_order_line_get_quantity       (SaCiscoOrderLine *self);
const char       *sa_cisco_order_line_get_line_number    (SaCiscoOrderLine *self);
GDateTime        *sa_cisco_order_line_get_promised_date  (SaCiscoOrderLine *self);
const char       *sa_cisco_order_line_get_ship_set       (SaCiscoOrderLine *self);

G_END_DECLS
