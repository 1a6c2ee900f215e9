/* sa-sandbox-json.c — JSON of database rows: members from columns, dates,
 * and the lists the Desk API answers ({"orders": [...], "totalRecords": N})
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

/**
 * sa_sandbox_json_add_columns:
 * @builder: a builder inside an object
 * @stmt: a statement standing on a row
 * @names: (array length=n_names): the members
 * @n_names: how many
 * @first_column: the column of the first member; the others follow it
 *
 * Adds the string members @names[i] = column @first_column + i.
 */
void
sa_sandbox_json_add_columns (JsonBuilder        *builder,
                             sqlite3_stmt       *stmt,
                             const char * const *names,
                             guint               n_names,
                             int                 first_column)
{
  guint i;

  for (i = 0; i < n_names; i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, sa_sandbox_db_text (stmt, first_column + (int) i));
    }
}

/**
 * sa_sandbox_format_date:
 * @seconds: seconds since the epoch
 *
 * Returns: (transfer full): the Desk API's date: ISO 8601 UTC,
 *   "2026-11-21T10:00:00Z"
 */
char *
sa_sandbox_format_date (gint64 seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * sa_sandbox_json_add_date:
 * @builder: a builder inside an object
 * @member: the member
 * @is_null: add null instead of a date
 * @seconds: the date, in seconds since the epoch
 *
 * Adds a date member (sa_sandbox_format_date()) or null.
 */
void
sa_sandbox_json_add_date (JsonBuilder *builder,
                          const char  *member,
                          gboolean     is_null,
                          gint64       seconds)
{
  json_builder_set_member_name (builder, member);
  if (is_null)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *date = sa_sandbox_format_date (seconds);

      json_builder_add_string_value (builder, date);
    }
}

/**
 * sa_sandbox_json_add_date_column:
 * @builder: a builder inside an object
 * @member: the member
 * @stmt: a statement standing on a row
 * @column: a column of seconds since the epoch, or NULL
 *
 * Adds the date of @column, or null when the column is NULL.
 */
void
sa_sandbox_json_add_date_column (JsonBuilder  *builder,
                                 const char   *member,
                                 sqlite3_stmt *stmt,
                                 int           column)
{
  sa_sandbox_json_add_date (builder, member, sqlite3_column_type (stmt, column) == SQLITE_NULL,
                            sqlite3_column_int64 (stmt, column));
}

/* Steps through @stmt and builds the Desk API's list object:
 * {"<member>": [item…], "totalRecords": N} where N counts every matching item
 * and the array holds the page of them @list asks for. */
static JsonBuilder *
list_build (sqlite3_stmt         *stmt,
            const SaSandboxList  *list,
            GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) local_error = NULL;
  guint64 total = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, list->member);
  json_builder_begin_array (builder);
  while (sa_sandbox_db_next (stmt, &local_error))
    {
      if (list->match != NULL &&
          !sa_sandbox_contains_casefold (sa_sandbox_db_text (stmt, list->match_column), list->match))
        continue;
      /* items outside the page are counted, not written */
      if (total >= list->offset && (list->limit == 0 || total < list->offset + list->limit))
        list->write_row (builder, stmt, list->data);
      total++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, (gint64) total);
  if (list->paging_members)
    {
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, (gint64) list->offset);
      json_builder_set_member_name (builder, "limit");
      json_builder_add_int_value (builder, (gint64) list->limit);
    }
  json_builder_end_object (builder);

  return g_steal_pointer (&builder);
}

/**
 * sa_sandbox_respond_list:
 * @msg: the request being answered
 * @stmt: (nullable): the list's statement; %NULL when preparing it failed
 * @list: what to make of its rows
 * @prepare_error: (nullable): why preparing @stmt failed
 *
 * Answers 200 with the list of the rows of @stmt: `{"<member>": [item…],
 * "totalRecords": N}` where N counts every matching item and the array holds
 * the page of them @list asks for; or 500.
 */
void
sa_sandbox_respond_list (SoupServerMessage   *msg,
                         sqlite3_stmt        *stmt,
                         const SaSandboxList *list,
                         GError              *prepare_error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (stmt != NULL)
    builder = list_build (stmt, list, &error);
  if (builder == NULL)
    {
      sa_sandbox_respond_gerror (msg, stmt == NULL ? prepare_error : error);
      return;
    }

  sa_sandbox_respond_builder (msg, SOUP_STATUS_OK, builder, NULL);
}

/**
 * sa_sandbox_respond_tenant_list:
 * @request: the request being answered
 * @sql: a constant SELECT of the caller's rows: ?1 is their tenant
 * @member: the array's member, "accountRequests"
 * @write_row: writes one item; its data is a `gint64 *`, the request's "now"
 *
 * Answers 200 with every row of @sql as sa_sandbox_respond_list() does: the
 * lists of a user's own requests.
 */
void
sa_sandbox_respond_tenant_list (SaSandboxRequest   *request,
                                const char         *sql,
                                const char         *member,
                                SaSandboxRowWriter  write_row)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  SaSandboxList list = { member, write_row, &request->now, 0, NULL, 0, 0, FALSE };

  stmt = sa_sandbox_db_prepare (request->db, &error, sql, "t", request->caller->tenant);
  sa_sandbox_respond_list (request->msg, stmt, &list, error);
}

/**
 * sa_sandbox_respond_row:
 * @msg: the request being answered
 * @status: the HTTP status, on success
 * @row: (nullable): a statement standing on the row to answer; %NULL when
 *   finding it failed
 * @write_row: writes the row's object
 * @data: data for @write_row
 * @error: (nullable): why finding the row failed
 *
 * Answers @status with the object of @row, or @error (sa_sandbox_respond_gerror()).
 */
void
sa_sandbox_respond_row (SoupServerMessage  *msg,
                        guint               status,
                        sqlite3_stmt       *row,
                        SaSandboxRowWriter  write_row,
                        gpointer            data,
                        const GError       *error)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (row == NULL)
    {
      sa_sandbox_respond_gerror (msg, error);
      return;
    }

  builder = json_builder_new ();
  write_row (builder, row, data);
  sa_sandbox_respond_builder (msg, status, builder, NULL);
}
