/* sa-json-private.h — strict readers of Desk API JSON members, and the domain
 * objects' constructors from Desk API JSON (core only: JSON never leaves core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sa-access-request.h"
#include "sa-account-request.h"
#include "sa-assignment.h"
#include "sa-order.h"
#include "sa-profile.h"
#include "sa-smart-account.h"
#include "sa-virtual-account.h"

G_BEGIN_DECLS

/* The domain objects from Desk API objects (docs/desk-api.md, "Objects").
 * Each returns NULL with SA_CLIENT_ERROR_INVALID_RESPONSE when a member is
 * missing, of the wrong type or has an unknown value. @etag: the order's ETag
 * header, or NULL (search results). */
SaSmartAccount   *sa_smart_account_new_from_json   (JsonObject  *object,
                                                    GError     **error);
SaVirtualAccount *sa_virtual_account_new_from_json (JsonObject  *object,
                                                    GError     **error);
SaAssignment     *sa_assignment_new_from_json      (JsonObject  *object,
                                                    GError     **error);
SaOrder          *sa_order_new_from_json           (JsonObject  *object,
                                                    const char  *etag,
                                                    GError     **error);
SaProfile        *sa_profile_new_from_json         (JsonObject  *object,
                                                    GError     **error);
SaAccountRequest *sa_account_request_new_from_json (JsonObject  *object,
                                                    GError     **error);
SaAccessRequest  *sa_access_request_new_from_json  (JsonObject  *object,
                                                    GError     **error);

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
