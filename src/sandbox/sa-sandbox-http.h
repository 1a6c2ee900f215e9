/* sa-sandbox-http.h — HTTP helpers of the sandbox: responses and the Desk
 * API's error shape, request bodies, query strings, paging, field errors
 *
 * The parsing helpers answer 400 themselves when the input is bad, and
 * return FALSE (or NULL): the handler then simply returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sa-error.h"

G_BEGIN_DECLS

#define SA_SANDBOX_MAX_BODY (64 * 1024) /* bytes */

/* Validation errors: pairs of field name and English message. */
typedef GPtrArray SaSandboxFieldErrors;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaSandboxFieldErrors, g_ptr_array_unref)

/**
 * SaSandboxResponse:
 * @status: the HTTP status; 0 until a response is captured
 * @etag: (nullable): the ETag header
 * @body: the JSON body
 * @length: its length in bytes
 *
 * A response kept for its message (sa_sandbox_response_capture()).
 */
typedef struct
{
  guint  status;
  char  *etag;
  char  *body;
  gsize  length;
} SaSandboxResponse;

void        sa_sandbox_response_capture    (SaSandboxResponse  *response);
void        sa_sandbox_response_apply      (SaSandboxResponse  *response,
                                            SoupServerMessage  *msg);
void        sa_sandbox_response_clear      (SaSandboxResponse  *response);
void        sa_sandbox_respond_builder     (SoupServerMessage  *msg,
                                            guint               status,
                                            JsonBuilder        *builder,
                                            const char         *etag);
void        sa_sandbox_respond_ok          (SoupServerMessage  *msg);
void        sa_sandbox_respond_error_with  (SoupServerMessage  *msg,
                                            guint               status,
                                            const char         *code,
                                            const char         *message,
                                            const char         *member,
                                            JsonNode           *value);
void        sa_sandbox_respond_error       (SoupServerMessage  *msg,
                                            SaClientError       error,
                                            const char         *message);
void        sa_sandbox_respond_invalid     (SoupServerMessage  *msg,
                                            const char         *field,
                                            const char         *message);
void        sa_sandbox_respond_gerror      (SoupServerMessage  *msg,
                                            const GError       *error);
void        sa_sandbox_respond_gerror_with (SoupServerMessage  *msg,
                                            const GError       *error,
                                            const char         *member,
                                            JsonNode           *value);
void        sa_sandbox_respond_oauth_error (SoupServerMessage  *msg,
                                            const char         *error_code,
                                            const char         *description);

SaSandboxFieldErrors *sa_sandbox_field_errors_new     (void);
void        sa_sandbox_field_errors_add    (SaSandboxFieldErrors *errors,
                                            const char           *field,
                                            const char           *message);
gboolean    sa_sandbox_respond_field_errors (SoupServerMessage    *msg,
                                             SaSandboxFieldErrors *errors);

gboolean    sa_sandbox_text_is_valid       (const char         *str,
                                            glong               max_chars);
gboolean    sa_sandbox_contains_casefold   (const char         *haystack,
                                            const char         *needle_folded);
char       *sa_sandbox_body_text           (SoupServerMessage  *msg,
                                            const char        **problem);
char       *sa_sandbox_dup_body_text       (SoupServerMessage  *msg);
JsonNode   *sa_sandbox_body_json           (SoupServerMessage  *msg,
                                            const char        **problem);
JsonNode   *sa_sandbox_parse_body_object   (SoupServerMessage  *msg);
gboolean    sa_sandbox_get_string_member   (SoupServerMessage  *msg,
                                            JsonObject         *object,
                                            const char         *member,
                                            const char        **value);
GHashTable *sa_sandbox_query_params        (SoupServerMessage  *msg,
                                            const char        **problem);
GHashTable *sa_sandbox_parse_query         (SoupServerMessage  *msg);
gboolean    sa_sandbox_parse_paging        (SoupServerMessage  *msg,
                                            GHashTable         *query,
                                            guint64            *limit,
                                            guint64            *offset);

void        sa_sandbox_http_limit_bodies   (SoupServer         *server);
void        sa_sandbox_http_answer_refused_heads (SoupServer   *server);

GHashTable *sa_sandbox_form_decode (const char  *text,
                                    const char **problem);

G_END_DECLS
