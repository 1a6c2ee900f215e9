/* sa-json-private.h — strict readers of Desk API JSON members (core only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Each reads @member of @object. A missing member, or a JSON null, is fine when
 * @required is FALSE (the out value is then NULL / @default_value); otherwise,
 * and for a member of the wrong type, it sets SA_CLIENT_ERROR_INVALID_RESPONSE
 * naming @what and @member, and returns FALSE. Returned strings belong to
 * @object. */
gboolean sa_json_read_string  (JsonObject   *object,
                               const char   *what,
                               const char   *member,
                               gboolean      required,
                               const char  **out,
                               GError      **error);
gboolean sa_json_read_boolean (JsonObject   *object,
                               const char   *what,
                               const char   *member,
                               gboolean      required,
                               gboolean      default_value,
                               gboolean     *out,
                               GError      **error);
gboolean sa_json_read_int     (JsonObject   *object,
                               const char   *what,
                               const char   *member,
                               gboolean      required,
                               gint64        default_value,
                               gint64       *out,
                               GError      **error);
/* @out is NULL when the member is missing or null (always allowed). */
gboolean sa_json_read_object  (JsonObject   *object,
                               const char   *what,
                               const char   *member,
                               JsonObject  **out,
                               GError      **error);
/* A required array member. */
gboolean sa_json_read_array   (JsonObject   *object,
                               const char   *what,
                               const char   *member,
                               JsonArray   **out,
                               GError      **error);
/* An ISO 8601 date and time string ("2026-11-21T10:00:00Z"; without a zone,
 * UTC), returned in UTC (transfer full, NULL when missing/null and allowed). */
gboolean sa_json_read_date    (JsonObject   *object,
                               const char   *what,
                               const char   *member,
                               gboolean      required,
                               GDateTime   **out,
                               GError      **error);
/* An array of strings; missing or null gives an empty array when not
 * @required. *@out is a new GStrv (free with g_strfreev()). */
gboolean sa_json_read_strv    (JsonObject   *object,
                               const char   *what,
                               const char   *member,
                               gboolean      required,
                               char       ***out,
                               GError      **error);
/* Sets SA_CLIENT_ERROR_INVALID_RESPONSE for a member with an unknown value. */
gboolean sa_json_fail_value   (const char   *what,
                               const char   *member,
                               GError      **error);

G_END_DECLS
