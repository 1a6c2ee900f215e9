/* sa-order-details.h — the "Order" group of the order page: numbers, customer, status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-status-pill.h"

G_BEGIN_DECLS

#define SA_TYPE_ORDER_DETAILS (sa_order_details_get_type ())
G_DECLARE_FINAL_TYPE (SaOrderDetails, sa_order_details, SA, ORDER_DETAILS, AdwPreferencesGroup)

GtkWidget *sa_order_details_new       (void);
SaOrder   *sa_order_details_get_order (SaOrderDetails *self);
void       sa_order_details_set_order (SaOrderDetails *self,
                                       SaOrder        *order);

char      *sa_order_dup_status_label  (SaOrder        *order);
void       sa_order_show_status       (SaStatusPill   *pill,
                                       SaOrder        *order);

G_END_DECLS
