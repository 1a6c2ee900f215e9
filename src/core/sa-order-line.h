/* sa-order-line.h — one line of an order: product, quantity, promised date
 *
 * A domain object any back end may return inside an #SaOrder
 * (sa_order_get_lines()). With Cisco it is one `PurchaseOrderLine[]` of the
 * CCW Order API's checkOrderStatus (CISCO-APIS.md §1.4): the SKU (`Item.ID`),
 * its description, the quantity (`Item.Lot[0].Quantity`), the line number
 * (`SalesOrderReference.LineNumberID`), the promised delivery date and the
 * ship set (`LineIDSet[0].ID[0]`). The Desk API gives the same as an order's
 * optional `lines` array.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SA_TYPE_ORDER_LINE (sa_order_line_get_type ())
G_DECLARE_FINAL_TYPE (SaOrderLine, sa_order_line, SA, ORDER_LINE, GObject)

SaOrderLine *sa_order_line_new               (const char  *sku,
                                              const char  *description,
                                              double       quantity,
                                              const char  *line_number,
                                              GDateTime   *promised_date,
                                              const char  *ship_set);
const char  *sa_order_line_get_sku           (SaOrderLine *self);
const char  *sa_order_line_get_description   (SaOrderLine *self);
double       sa_order_line_get_quantity      (SaOrderLine *self);
const char  *sa_order_line_get_line_number   (SaOrderLine *self);
GDateTime   *sa_order_line_get_promised_date (SaOrderLine *self);
const char  *sa_order_line_get_ship_set      (SaOrderLine *self);

G_END_DECLS
