/* sa-cisco-api-private.h — what the files of the Cisco API layer share
 *
 * The SaCiscoApi instance struct (sa-cisco-api.c: addresses, secret, token;
 * sa-cisco-http.c: the request pipeline), the pipeline's entry point used by
 * the reads (sa-cisco-accounts.c, sa-cisco-licenses.c, sa-cisco-orders.c), and
 * the lenient JSON readers of sa-cisco-json.c. Not installed, not for the UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sa-cisco-api.h"
#include "sa-cisco-error.h"

G_BEGIN_DECLS

struct _SaCiscoApi
{
  GObject       parent_instance;

  /* The three addresses, as given (identity and order: whole endpoints;
   * licensing: the API's base, without a trailing "/"). */
  char         *identity_uri;
  char         *licensing_uri;
  char         *order_uri;
  SaCiscoError  uri_error;       /* why they are unusable, when !uris_ok */
  guint         uris_ok : 1;
  guint         all_loopback : 1;

  SoupSession  *session;
  guint         timeout;         /* seconds */

  char         *client_id;
  char         *client_secret;   /* memory only, wiped when replaced */
  char         *access_token;    /* memory only, wiped when replaced */
  gint64        token_renew_at;  /* monotonic µs from which it is renewed */
  guint         token_serial;    /* increases with every new token */
  GPtrArray    *token_waiters;   /* GTasks; NULL when no token request runs */

  /* Self-imposed rate limit: a token bucket. */
  double        rate;            /* requests per second; 0: no limit */
  double        burst;
  double        bucket;
  gint64        bucket_time;     /* monotonic µs of the last refill */

  guint         max_retries;
  guint         first_backoff_ms;
  guint         max_wait_seconds;
  gsize         max_body_size;
};

typedef enum
{
  SA_CISCO_CALL_NONE       = 0,
  SA_CISCO_CALL_IDEMPOTENT = 1 << 0, /* may be re-sent after 502/503/504 */
  SA_CISCO_CALL_TOKEN      = 1 << 1, /* the token request: no bearer, no renewal */
} SaCiscoCallFlags;

/* sa-cisco-http.c: sends @method @uri (with @body of @content_type, or none),
 * with the bearer token (fetched first when needed), through the rate limit,
 * with the bounded retries; the result is the answer's JSON object. */
void        sa_cisco_api_call_async        (SaCiscoApi          *self,
                                            const char          *method,
                                            const char          *uri,
                                            const char          *content_type,
                                            GBytes              *body,
                                            SaCiscoCallFlags     flags,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
JsonNode   *sa_cisco_api_call_finish       (SaCiscoApi          *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* sa-cisco-api.c: the token, fetched or renewed when needed. */
void        sa_cisco_api_ensure_token_async  (SaCiscoApi          *self,
                                              gboolean             force,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    sa_cisco_api_ensure_token_finish (SaCiscoApi          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* Drops the token when it is still the one numbered @serial (a 401). */
void        sa_cisco_api_invalidate_token    (SaCiscoApi          *self,
                                              guint                serial);
/* @relative: escaped, starting with "/"; @query: escaped or NULL. */
char       *sa_cisco_api_build_licensing_uri (SaCiscoApi          *self,
                                              const char          *relative,
                                              const char          *query);
/* Returns FALSE with the right error when the call cannot be sent. */
gboolean    sa_cisco_api_check_ready         (SaCiscoApi          *self,
                                              GError             **error);

/* sa-cisco-json.c: lenient readers. Cisco spells some members two ways and
 * sends numbers as strings or strings as numbers; these accept both. */
JsonNode   *sa_cisco_json_parse            (GBytes       *bytes,
                                            GError      **error);
const char *sa_cisco_json_get_string       (JsonObject   *object,
                                            const char   *member,
                                            const char   *other_member);
char       *sa_cisco_json_dup_text         (JsonObject   *object,
                                            const char   *member);
gboolean    sa_cisco_json_get_int          (JsonObject   *object,
                                            const char   *member,
                                            gint64       *out);
gboolean    sa_cisco_json_get_boolean      (JsonObject   *object,
                                            const char   *member,
                                            gboolean     *out);
JsonObject *sa_cisco_json_get_object       (JsonObject   *object,
                                            const char   *member);
JsonArray  *sa_cisco_json_get_array        (JsonObject   *object,
                                            const char   *member);
JsonNode   *sa_cisco_json_walk             (JsonNode     *node,
                                            const char   *path);
char       *sa_cisco_json_walk_text        (JsonNode     *node,
                                            const char   *path);
GBytes     *sa_cisco_json_builder_to_bytes (JsonBuilder  *builder);
char       *sa_cisco_escape_segment        (const char   *segment);
void        sa_cisco_query_add             (GString      *query,
                                            const char   *key,
                                            const char   *value);
/* Reads `status` / `statusMessage`: FALSE with SA_CISCO_ERROR_REJECTED when
 * Cisco answered "ERROR". */
gboolean    sa_cisco_json_check_status     (JsonObject   *object,
                                            GError      **error);

G_END_DECLS
