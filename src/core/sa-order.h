/* sa-order.h — a Sales Order with its Smart Account assignment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-assignment.h"
#include "sa-types.h"

G_BEGIN_DECLS

#define SA_TYPE_ORDER (sa_order_get_type ())
G_DECLARE_FINAL_TYPE (SaOrder, sa_order, SA, ORDER, GObject)

/* Properties (read-only): "sales-order-number", "web-order-id",
 * "purchase-order-number", "end-customer-name", "description", "created-date"
 * (strings), "status" (SaOrderStatus as int), "export-hold" (boolean), "version"
 * (int64), "etag" (string, may be NULL), "end-customer" and "holding" (SaAssignment,
 * may be NULL). */
const char      *sa_order_get_sales_order_number  (SaOrder     *self);
const char      *sa_order_get_web_order_id        (SaOrder     *self);
const char      *sa_order_get_purchase_order_number (SaOrder   *self);
const char      *sa_order_get_end_customer_name   (SaOrder     *self);
const char      *sa_order_get_description         (SaOrder     *self);
const char      *sa_order_get_created_date        (SaOrder     *self);
SaOrderStatus    sa_order_get_status              (SaOrder     *self);
gboolean         sa_order_get_export_hold         (SaOrder     *self);
gint64           sa_order_get_version             (SaOrder     *self);
/* The ETag the server sent with this order, as sent (quotes included); NULL when
 * the order came from a search result (fetch it with sa_client_get_order_async()). */
const char      *sa_order_get_etag                (SaOrder     *self);
SaAssignment    *sa_order_get_end_customer        (SaOrder     *self);
SaAssignment    *sa_order_get_holding             (SaOrder     *self);
/* FALSE once SHIPPED: the documented rule that a shipped order's assignment can
 * only be moved through a case with Global Licensing Operations. */
gboolean         sa_order_can_change_assignment   (SaOrder     *self);

G_END_DECLS
