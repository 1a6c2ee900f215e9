/* sa-order-pages.h — the orders one search finds, as a list model that pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-client.h"
#include "sa-order.h"

G_BEGIN_DECLS

/* Orders asked for at once (the Desk API's largest page). */
#define SA_ORDER_PAGES_PAGE_SIZE     100
/* Pages kept in memory at most, the most recently shown ones (issue 12: memory
 * flat whatever the number of orders). */
#define SA_ORDER_PAGES_MAX_RESIDENT  8
/* Pages fetched at once at most; an older fetch is given up for a newer one
 * (GTK 4.8's list view holds up to 200 rows: 3 pages, plus one). */
#define SA_ORDER_PAGES_MAX_FETCHING  4
#define SA_TYPE_ORDER_PAGES (sa_order_pages_get_type ())
G_DECLARE_FINAL_TYPE (SaOrderPages, sa_order_pages, SA, ORDER_PAGES, GObject)

/* Properties (read-only): "total-records" (uint), "loaded" (boolean). */

SaOrderPages *sa_order_pages_new                (SaClient            *client,
                                                 SaOrderSearchField   field,
                                                 const char          *value);
void          sa_order_pages_load_async         (SaOrderPages        *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      sa_order_pages_load_finish        (SaOrderPages        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void          sa_order_pages_cancel             (SaOrderPages        *self);
void          sa_order_pages_set_hint           (SaOrderPages        *self,
                                                 guint                position);

SaOrderSearchField sa_order_pages_get_field     (SaOrderPages        *self);
const char   *sa_order_pages_get_value          (SaOrderPages        *self);
guint         sa_order_pages_get_total_records  (SaOrderPages        *self);
gboolean      sa_order_pages_get_loaded         (SaOrderPages        *self);
gboolean      sa_order_pages_is_loaded          (SaOrderPages        *self,
                                                 guint                position);
gboolean      sa_order_pages_is_placeholder     (SaOrder             *order);

/* What the model costs: for tests and benchmarks. */
guint         sa_order_pages_get_n_requests     (SaOrderPages        *self);
guint         sa_order_pages_get_n_resident     (SaOrderPages        *self);
guint         sa_order_pages_get_n_fetching     (SaOrderPages        *self);

G_END_DECLS
