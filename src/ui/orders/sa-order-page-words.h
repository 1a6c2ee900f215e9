/* sa-order-page-words.h — what the order page's banner and SHIPPED note say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-core.h"

G_BEGIN_DECLS

void sa_order_page_say_status (GtkWidget    *page,
                               SaOrder      *order,
                               gboolean      hands_off);

G_END_DECLS
