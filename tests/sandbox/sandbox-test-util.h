/* sandbox-test-util.h — raw-HTTP helpers of the sandbox tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

SoupSession *sbt_new_session   (void);
/* Sends one request (@json_body: NULL for none, else sent as application/json);
 * returns the JSON answer (NULL if none); @status the HTTP status; @headers
 * (optional) the response headers, referenced. */
JsonNode    *sbt_call          (SoupSession         *session,
                                const char          *base,
                                const char          *token,
                                const char          *method,
                                const char          *path,
                                const char          *json_body,
                                guint               *status,
                                SoupMessageHeaders **headers);
/* Signs in; NULL (and @status) when refused. */
char        *sbt_sign_in       (SoupSession         *session,
                                const char          *base,
                                const char          *username,
                                const char          *password,
                                guint               *status);
void         sbt_assert_error  (JsonNode            *node,
                                guint                status,
                                guint                expected_status,
                                const char          *expected_code);
const char  *sbt_get_string    (JsonNode            *node,
                                const char          *member);
void         sbt_remove_tree   (const char          *dir);

G_END_DECLS
