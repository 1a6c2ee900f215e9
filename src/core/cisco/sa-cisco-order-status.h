/* sa-cisco-order-status.h — an order's status, as the CCW Order API gives it
 *
 * From checkOrderStatus (CISCO-APIS.md §1.4): the status text (whose list of
 * values Cisco does not publish), the sales, web and PO numbers, the bill-to,
 * ship-to and end customer party names, the total, and the lines. Cisco gives
 * no Smart Account, Virtual Account or export hold here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-order-line.h"

G_BEGIN_DECLS

#define SA_TYPE_CISCO_ORDER_STATUS (sa_cisco_order_status_get_type ())
G_DECLARE_FINAL_TYPE (SaCiscoOrderStatus, sa_cisco_order_status, SA, CISCO_ORDER_STATUS, GObject)

SaCiscoOrderStatus *sa_cisco_order_status_new            (const char         *status_text,
                                                          const char         *sales_order_number,
                                                          const char         *web_order_number,
                                                          const char         *purchase_order_number);
void        sa_cisco_order_status_set_parties            (SaCiscoOrderStatus *self,
                                                          const char         *bill_to,
                                                          const char         *ship_to,
                                                          const char         *end_customer);
void        sa_cisco_order_status_set_total              (SaCiscoOrderStatus *self,
                                                          double              amount,
                                                          const char         *currency);
void        sa_cisco_order_status_add_line               (SaCiscoOrderStatus *self,
                                                          SaOrderLine        *line);
const char *sa_cisco_order_status_get_status_text        (SaCiscoOrderStatus *self);
const char *sa_cisco_order_status_get_sales_order_number (SaCiscoOrderStatus *self);
const char *sa_cisco_order_status_get_web_order_number   (SaCiscoOrderStatus *self);
const char *sa_cisco_order_status_get_purchase_order_number (SaCiscoOrderStatus *self);
const char *sa_cisco_order_status_get_bill_to            (SaCiscoOrderStatus *self);
const char *sa_cisco_order_status_get_ship_to            (SaCiscoOrderStatus *self);
const char *sa_cisco_order_status_get_end_customer       (SaCiscoOrderStatus *self);
gboolean    sa_cisco_order_status_get_total              (SaCiscoOrderStatus *self,
                                                          double             *amount,
                                                          const char        **currency);
GListModel *sa_cisco_order_status_get_lines              (SaCiscoOrderStatus *self);
gboolean    sa_cisco_order_status_is_shipped             (SaCiscoOrderStatus *self);

G_END_DECLS
