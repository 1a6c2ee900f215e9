/* sa-order.h — a Sales Order with its Smart Account assignment, parties and
 * lines
 *
 * A domain object every back end returns. The Desk gives the assignment (End
 * Customer and Holding Smart Accounts) and the export hold; Cisco's order
 * status (the CCW Order API) gives the status text, the parties and the lines
 * but publishes no assignment before shipment and no export hold:
 * sa_order_get_assignment_known() is then %FALSE and the UI says so instead of
 * showing empty rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-assignment.h"
#include "sa-order-line.h"
#include "sa-types.h"

G_BEGIN_DECLS

#define SA_TYPE_ORDER (sa_order_get_type ())
G_DECLARE_FINAL_TYPE (SaOrder, sa_order, SA, ORDER, GObject)

/* Properties (read-only): "sales-order-number", "web-order-id",
 * "purchase-order-number", "end-customer-name", "bill-to-name",
 * "ship-to-name", "description", "created-date", "status-text" (strings),
 * "status" (SaOrderStatus as int), "export-hold", "assignment-known"
 * (booleans), "version" (int64), "etag" (string, may be NULL), "end-customer"
 * and "holding" (SaAssignment, may be NULL), "lines" (GListModel of
 * SaOrderLine, never NULL). */

/* For back ends that do not read the Desk's JSON: a new order, then its other
 * fields, before it is handed out (an order is read-only once returned). */
SaOrder         *sa_order_new                     (const char    *sales_order_number,
                                                   SaOrderStatus  status,
                                                   const char    *status_text);
void             sa_order_set_numbers             (SaOrder       *self,
                                                   const char    *web_order_id,
                                                   const char    *purchase_order_number);
void             sa_order_set_parties             (SaOrder       *self,
                                                   const char    *bill_to_name,
                                                   const char    *ship_to_name,
                                                   const char    *end_customer_name);
void             sa_order_set_description         (SaOrder       *self,
                                                   const char    *description,
                                                   const char    *created_date);
void             sa_order_set_assignment_known    (SaOrder       *self,
                                                   gboolean       known);
void             sa_order_add_line                (SaOrder       *self,
                                                   SaOrderLine   *line);

/* Issue 12: a placeholder of SaOrderPages takes the order fetched for its
 * position (the one exception to "read-only once returned"). */
void             sa_order_fill                    (SaOrder       *self,
                                                   SaOrder       *from);

const char      *sa_order_get_sales_order_number  (SaOrder     *self);
const char      *sa_order_get_web_order_id        (SaOrder     *self);
const char      *sa_order_get_purchase_order_number (SaOrder   *self);
const char      *sa_order_get_end_customer_name   (SaOrder     *self);
const char      *sa_order_get_bill_to_name        (SaOrder     *self);
const char      *sa_order_get_ship_to_name        (SaOrder     *self);
const char      *sa_order_get_description         (SaOrder     *self);
const char      *sa_order_get_created_date        (SaOrder     *self);
SaOrderStatus    sa_order_get_status              (SaOrder     *self);
/* The status as the back end wrote it ("SHIPPED" from the Desk, "Booked" or
 * "Partially Shipped" from Cisco, whose list of values is not published). */
const char      *sa_order_get_status_text         (SaOrder     *self);
gboolean         sa_order_get_export_hold         (SaOrder     *self);
/* FALSE when the back end publishes neither the Smart Account assignment
 * before shipment nor the export hold (Cisco): "end-customer", "holding" and
 * "export-hold" then mean "not published", not "none". */
gboolean         sa_order_get_assignment_known    (SaOrder     *self);
gint64           sa_order_get_version             (SaOrder     *self);
/* The ETag the server sent with this order, as sent (quotes included); NULL when
 * the order came from a search result (fetch it with sa_client_get_order_async()). */
const char      *sa_order_get_etag                (SaOrder     *self);
SaAssignment    *sa_order_get_end_customer        (SaOrder     *self);
SaAssignment    *sa_order_get_holding             (SaOrder     *self);
GListModel      *sa_order_get_lines               (SaOrder     *self);
/* FALSE once SHIPPED: the documented rule that a shipped order's assignment can
 * only be moved through a case with Global Licensing Operations. */
gboolean         sa_order_can_change_assignment   (SaOrder     *self);

G_END_DECLS
