/* sa-sandbox-json.h — JSON of database rows: members from columns, dates,
 * and the lists the Desk API answers ({"orders": [...], "totalRecords": N})
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Writes the object of the row @stmt stands on. */
typedef void (*SaSandboxRowWriter) (JsonBuilder  *builder,
                                        sqlite3_stmt *stmt,
                                        gpointer      data);

/**
 * SaSandboxList:
 * @member: the array's member, "orders"
 * @write_row: writes one item
 * @data: data for @write_row
 * @match_column: with @match, the column searched
 * @match: (nullable): with it, only rows whose @match_column contains it
 *   (already through g_utf8_casefold()); %NULL: every row
 * @offset: items skipped before the page
 * @limit: items in the page at the most; 0: every item
 * @paging_members: add the members "offset" and "limit" after "totalRecords"
 *
 * What sa_sandbox_respond_list() makes of a statement's rows.
 */
typedef struct
{
  const char         *member;
  SaSandboxRowWriter  write_row;
  gpointer            data;
  int                 match_column;
  const char         *match;
  guint64             offset;
  guint64             limit;
  gboolean            paging_members;
} SaSandboxList;

void         sa_sandbox_json_add_columns     (JsonBuilder          *builder,
                                              sqlite3_stmt         *stmt,
                                              const char * const   *names,
                                              guint                 n_names,
                                              int                   first_column);
char        *sa_sandbox_format_date          (gint64                seconds);
void         sa_sandbox_json_add_date        (JsonBuilder          *builder,
                                              const char           *member,
                                              gboolean              is_null,
                                              gint64                seconds);
void         sa_sandbox_json_add_date_column (JsonBuilder          *builder,
                                              const char           *member,
                                              sqlite3_stmt         *stmt,
                                              int                   column);
void         sa_sandbox_respond_row          (SoupServerMessage    *msg,
                                              guint                 status,
                                              sqlite3_stmt         *row,
                                              SaSandboxRowWriter    write_row,
                                              gpointer              data,
                                              const GError         *error);
void         sa_sandbox_respond_list         (SoupServerMessage    *msg,
                                              sqlite3_stmt         *stmt,
                                              const SaSandboxList  *list,
                                              GError               *prepare_error);

G_END_DECLS
