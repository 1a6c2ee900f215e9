/* sa-order-entries.h — the order page's "entries" section: this order's
 * hand-offs in the journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-journal-list.h"

G_BEGIN_DECLS

#define SA_TYPE_ORDER_ENTRIES (sa_order_entries_get_type ())
G_DECLARE_FINAL_TYPE (SaOrderEntries, sa_order_entries, SA, ORDER_ENTRIES, AdwBin)

GtkWidget     *sa_order_entries_new      (void);
SaJournalList *sa_order_entries_get_list (SaOrderEntries *self);

G_END_DECLS
