/* sa-order-page.h — one order, its Smart Account section and the change flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-assign-dialog.h"
#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ORDER_PAGE (sa_order_page_get_type ())
G_DECLARE_FINAL_TYPE (SaOrderPage, sa_order_page, SA, ORDER_PAGE, AdwBin)

GtkWidget        *sa_order_page_new                    (SaClient      *client,
                                                        const char    *sales_order_number);
const char       *sa_order_page_get_sales_order_number (SaOrderPage   *self);
SaOrder          *sa_order_page_get_order              (SaOrderPage   *self);
gboolean          sa_order_page_get_loading            (SaOrderPage   *self);
gboolean          sa_order_page_get_submitting         (SaOrderPage   *self);
const char       *sa_order_page_get_error_message      (SaOrderPage   *self);

G_END_DECLS
