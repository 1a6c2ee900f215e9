/* sa-order-lines.h — the "Lines" group of the order page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ORDER_LINES (sa_order_lines_get_type ())
G_DECLARE_FINAL_TYPE (SaOrderLines, sa_order_lines, SA, ORDER_LINES, AdwPreferencesGroup)

GtkWidget *sa_order_lines_new       (void);
SaOrder   *sa_order_lines_get_order (SaOrderLines *self);
void       sa_order_lines_set_order (SaOrderLines *self,
                                     SaOrder      *order);

G_END_DECLS
