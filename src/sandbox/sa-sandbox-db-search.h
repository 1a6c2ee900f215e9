/* sa-sandbox-db-search.h — what a read connection keeps besides its
 * statements and counts (sa-sandbox-db-search.c): the JSON of the orders of
 * its recent pages and the first matches of its searches in list order, while the
 * data stay the same; the statements of those lists
 * (sa-sandbox-order-search.c), for the test of their query plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "sa-sandbox-private.h"

G_BEGIN_DECLS

JsonNode *sa_sandbox_db_node_lookup (sqlite3    *db,
                                     const char *key);
void      sa_sandbox_db_node_store  (sqlite3    *db,
                                     const char *key,
                                     JsonNode   *node);
GArray   *sa_sandbox_db_list_lookup (sqlite3    *db,
                                     const char *key);
void      sa_sandbox_db_list_store  (sqlite3    *db,
                                     const char *key,
                                     GArray     *list);

const char *sa_sandbox_order_list_page_sql (void);

G_END_DECLS
