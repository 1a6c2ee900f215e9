/* sa-order-changes.h — Smart Account changes waiting to be submitted, kept per order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

void      sa_order_changes_keep               (GtkWindow      *window,
                                               const char     *sales_order_number,
                                               SaAssignment   *end_customer,
                                               SaAssignment   *holding);
gboolean  sa_order_changes_lookup             (GtkWindow      *window,
                                               const char     *sales_order_number,
                                               SaAssignment  **end_customer,
                                               SaAssignment  **holding);
guint     sa_order_changes_count              (GtkWindow      *window);
gboolean  sa_order_changes_ask_before_closing (GtkWindow      *window);
char     *sa_order_changes_describe           (SaAccountType   slot,
                                               SaAssignment   *before,
                                               SaAssignment   *after);

G_END_DECLS
