/* sa-desk-client-private.h — what the Desk client's files share: the object's
 * state, the per-call task data and the send pipeline (core only)
 *
 * Every operation is a GTask whose task data starts with an SaDeskCall (the
 * HTTP part: message, what to do with a 2xx answer, which error details to
 * read); an operation with extras of its own embeds SaDeskCall as the first
 * member of its own struct.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sa-client-private.h"
#include "sa-desk-client.h"
#include "sa-json-private.h"

G_BEGIN_DECLS

#define SA_DESK_MAX_PAGE_SIZE 100

struct _SaDeskClient
{
  SaClient     parent_instance;

  char        *base_uri;      /* normalized, ends with "/"; NULL when invalid */
  char        *given_uri;     /* as passed to sa_desk_client_new() */
  SoupSession *session;
  char        *access_token;  /* memory only, never logged */
  guint        timeout;
  guint        token_serial;  /* increases with every new token */
  GPtrArray   *renew_waiters; /* GTasks waiting for a renewal; NULL when none runs */
  guint        insecure : 1;  /* plain http to a host that is not this computer */
};

typedef struct _SaDeskCall SaDeskCall;

/* Turns a 2xx answer into the task's result (g_task_return_*), or returns
 * FALSE with an error. @root is NULL when the body was empty. */
typedef gboolean (*SaDeskAnswerFunc)      (SaDeskClient  *self,
                                           GTask         *task,
                                           JsonNode      *root,
                                           GError       **error);
/* Reads the details an error answer of this endpoint carries (@body may be
 * NULL) onto @error, with the setters of sa-error-private.h. */
typedef void     (*SaDeskErrorDetailsFunc) (GTask        *task,
                                            JsonObject   *body,
                                            GError       *error);
/* Builds a domain object from a Desk API object. */
typedef gpointer (*SaDeskObjectParser)    (JsonObject    *object,
                                           GError       **error);

struct _SaDeskCall
{
  SoupMessage            *msg;
  SaDeskAnswerFunc        answer;
  SaDeskObjectParser      parse;               /* with sa_desk_answer_object() */
  SaDeskErrorDetailsFunc  read_error_details;  /* or NULL */
  guint                   token_serial;        /* of the token it was sent with */
  guint                   is_token : 1;        /* POST /oauth2/token */
  guint                   needs_json : 1;      /* 2xx must carry a JSON object */
  guint                   renewed : 1;         /* already re-sent once after a 401 */

  /* What the message is made of, so that it can be built again and re-sent
   * after the sign-in was renewed (the token request is never re-sent). */
  char                   *method;
  char                   *uri;
  GBytes                 *body;                /* application/json, or NULL */
  char                   *if_match;

  /* The answer, streamed and counted as it is decoded (never more than
   * 16 MiB is kept: sa-desk-client-send.c). */
  GInputStream           *stream;
  GByteArray             *answer_bytes;

  /* The overall time limit of the call (twice the client's timeout, all
   * sends and reads together), and the redirects followed. */
  GCancellable           *limit_cancellable;   /* cancelled at the limit or by the caller */
  GCancellable           *caller_cancellable;  /* the task's, or NULL */
  gulong                  caller_cancel_id;
  GSource                *limit_source;
  guint                   timed_out : 1;
  guint                   redirects : 3;
};

/* A list answer `{"<member>": [item…], "totalRecords": N}`. */
typedef struct
{
  const char         *member;
  GType             (*get_item_type) (void);
  SaDeskObjectParser  parse_item;
} SaDeskListSpec;

typedef struct
{
  SaDeskCall            call;
  const SaDeskListSpec *spec;
  guint                 total_records;
} SaDeskListCall;

/* ---- Tasks (sa-desk-client-call.c) ---- */

/* A task whose data is @call (freed with @free_call); @call->answer is set by
 * the caller. needs_json is on. */
GTask      *sa_desk_task_new              (SaDeskClient        *self,
                                           gpointer             source_tag,
                                           SaDeskCall          *call,
                                           GDestroyNotify       free_call,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* A task with a plain SaDeskCall answered by @answer. */
GTask      *sa_desk_call_task_new         (SaDeskClient        *self,
                                           gpointer             source_tag,
                                           SaDeskAnswerFunc     answer,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* A task answered with one object built by @parse (sa_desk_answer_object). */
GTask      *sa_desk_object_task_new       (SaDeskClient        *self,
                                           gpointer             source_tag,
                                           SaDeskObjectParser   parse,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* A task answered with a GListStore of @spec's items and totalRecords. */
GTask      *sa_desk_list_task_new         (SaDeskClient        *self,
                                           gpointer             source_tag,
                                           const SaDeskListSpec *spec,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
SaDeskCall *sa_desk_task_get_call         (GTask               *task);
/* Prepares, gives the JSON @body (nullable, taken) and sends the task's
 * message (sa_desk_prepare, sa_desk_send). Takes the task's reference. */
void        sa_desk_request               (SaDeskClient        *self,
                                           GTask               *task,
                                           const char          *method,
                                           const char          *relative_path,
                                           const char          *query,
                                           GBytes              *body);
void        sa_desk_call_clear            (SaDeskCall          *call);

/* Finishes of the Desk's own tasks: check @result's tag, then propagate. */
gpointer    sa_desk_propagate_pointer     (gpointer             source_object,
                                           GAsyncResult        *result,
                                           gpointer             source_tag,
                                           GError             **error);
gboolean    sa_desk_propagate_boolean     (gpointer             source_object,
                                           GAsyncResult        *result,
                                           gpointer             source_tag,
                                           GError             **error);

/* ---- Building and sending (sa-desk-client-send.c) ---- */

char       *sa_desk_escape                (const char          *str);
void        sa_desk_query_add             (GString             *query,
                                           const char          *key,
                                           const char          *value);
gboolean    sa_desk_check_base_uri        (SaDeskClient        *self,
                                           GError             **error);
char       *sa_desk_build_uri             (SaDeskClient        *self,
                                           const char          *relative_path,
                                           const char          *query);
/* Prepares the task's message for @method on @relative_path?@query (both
 * already escaped). FALSE, with the task completed with an error, when that
 * fails. */
gboolean    sa_desk_prepare               (SaDeskClient        *self,
                                           GTask               *task,
                                           const char          *method,
                                           const char          *relative_path,
                                           const char          *query);
void        sa_desk_call_set_json_body    (SaDeskCall          *call,
                                           GBytes              *body);
void        sa_desk_call_set_if_match     (SaDeskCall          *call,
                                           const char          *etag);
GBytes     *sa_desk_builder_to_bytes      (JsonBuilder         *builder);
/* Sends the task's message, with the bearer token when there is one. Takes
 * the task's reference. */
void        sa_desk_send                  (SaDeskClient        *self,
                                           GTask               *task);
/* POSTs to @root_path/@id@suffix with an optional JSON body, after checking
 * @id (sa_desk_check_id). Takes the task's reference. */
void        sa_desk_post_on_id            (SaDeskClient        *self,
                                           GTask               *task,
                                           const char          *root_path,
                                           const char          *id,
                                           const char          *suffix,
                                           GBytes              *body);
/* Builds the message again for the one re-send after a renewed sign-in. */
gboolean    sa_desk_rebuild_message       (SaDeskCall          *call);

/* ---- Checks (sa-desk-client-send.c) ---- */

/* Completes @task with *@error (taken) when !@valid; returns TRUE then. Takes
 * GError ** so that the error is read after the check that sets it. */
gboolean    sa_desk_return_if_invalid     (GTask               *task,
                                           gboolean             valid,
                                           GError             **error);
/* Completes @task with @error (taken, INVALID_INPUT from a local check),
 * recording @field of @form as refused (key: the Desk API's name). */
void        sa_desk_return_refused        (GTask               *task,
                                           GError              *error,
                                           SaFieldForm          form,
                                           int                  field,
                                           guint                index,
                                           const char          *key);
/* An identifier the server gave ("AR-000001", "XR-000001", "SA-100001"). */
gboolean    sa_desk_check_id              (const char          *id,
                                           GError             **error);

/* ---- Answers (sa-desk-client-call.c) ---- */

gboolean    sa_desk_answer_ok             (SaDeskClient        *self,
                                           GTask               *task,
                                           JsonNode            *root,
                                           GError             **error);
gboolean    sa_desk_answer_object         (SaDeskClient        *self,
                                           GTask               *task,
                                           JsonNode            *root,
                                           GError             **error);
GListStore *sa_desk_parse_list            (JsonNode            *root,
                                           const char          *member,
                                           GType                item_type,
                                           SaDeskObjectParser   parse_item,
                                           GError             **error);
/* The objects several endpoints answer, as SaDeskObjectParser; the list of
 * Smart Accounts (`accounts`) of the search and of the candidates. */
gpointer    sa_desk_parse_smart_account   (JsonObject          *object,
                                           GError             **error);
gpointer    sa_desk_parse_access_request  (JsonObject          *object,
                                           GError             **error);
gpointer    sa_desk_parse_account_request (JsonObject          *object,
                                           GError             **error);
extern const SaDeskListSpec sa_desk_smart_account_list;
/* The `fields` of a VALIDATION_FAILED answer, onto @error: @keys are the Desk
 * API's names of the fields of @form, indexed by field; "<key>[i]" names the
 * i-th item of a list field, whose values (when known) are @list_values. */
void        sa_desk_read_refused_fields   (GError              *error,
                                           JsonObject          *body,
                                           SaFieldForm          form,
                                           const char * const  *keys,
                                           guint                n_keys,
                                           const char * const  *list_values);

/* ---- Session (sa-desk-client.c) ---- */

/* Queues @task (taking its reference) until the sign-in is renewed from the
 * keyring; the first one starts the renewal. */
void        sa_desk_client_start_renewal  (SaDeskClient        *self,
                                           GTask               *task);
/* Wipes the token; "signed-in" becomes FALSE, the user name stays. */
void        sa_desk_client_drop_token     (SaDeskClient        *self);

/* ---- One file per resource: each fills in its part of the class ---- */

void        sa_desk_client_orders_init_class          (SaClientClass *klass);
void        sa_desk_client_accounts_init_class        (SaClientClass *klass);
void        sa_desk_client_account_requests_init_class (SaClientClass *klass);
void        sa_desk_client_access_requests_init_class (SaClientClass *klass);

G_END_DECLS
