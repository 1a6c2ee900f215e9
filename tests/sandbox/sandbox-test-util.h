/* sandbox-test-util.h — what every sandbox test shares: a sandbox with a
 * signed-in trainee (the fixture), raw-HTTP calls, the training data's
 * fixtures, and assertions on the Desk API's answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sa-sandbox-thread.h"

G_BEGIN_DECLS

/* Training data fixtures (data/sandbox/training-data.sql) */
#define ORDER_UNASSIGNED     "104857601"  /* BOOKED, no account, version 1 */
#define ORDER_UNASSIGNED_2   "104857603"  /* BOOKED, no account, version 1 */
#define ORDER_HOLDING_ONLY   "104857611"  /* BOOKED, Holding only, version 2 */
#define ORDER_ASSIGNED       "104857617"  /* BOOKED, End Customer acme, version 3 */
#define ORDER_SHIPPED        "104857623"  /* SHIPPED, version 4 */
#define ORDER_EXPORT_HOLD    "104857606"  /* BOOKED, exportHold */
#define ORDER_OTHER_PARTNER  "209715201"  /* not visible to the trainee */
#define ORDER_MISSING        "999999999"
#define N_VISIBLE_ORDERS     33
#define N_VISIBLE_ACCOUNTS   15   /* 14 open + 1 restricted with an approved access request */
#define N_ACCOUNT_REQUESTS   3
#define N_ACCESS_REQUESTS    3
#define XR_PENDING           "XR-000001"   /* reminder possible at once */
#define XR_APPROVED          "XR-000002"
#define XR_DENIED            "XR-000003"
#define DOMAIN_SHARED_RESTRICTED "groupe-hexagone.example"
#define ID_HEXAGONE_CUSTOMER "SA-100015"
#define ID_HEXAGONE_HOLDING  "SA-100016"
#define DOMAIN_RESTRICTED    "vigneti-colli.example"
#define DOMAIN_APPROVED      "lagune-shipping.example"

/* Pieces of assignment bodies (PUT /v1/orders/{n}/smart-account-assignment) */
#define EC(domain, va) "\"endCustomer\": {\"domain\": \"" domain "\", \"virtualAccount\": \"" va "\"}"
#define HOLD(domain, va) "\"holding\": {\"domain\": \"" domain "\", \"virtualAccount\": \"" va "\"}"
#define TERMS "\"termsAccepted\": true"

/* An account request body (POST /v1/account-requests) */
#define TRATTORIA \
  "{\"accountName\": \"Trattoria Da Mario\", \"customerEmail\": \"mario@trattoria-mario.example\"," \
  " \"accountDomain\": \"Trattoria-Mario.example\", \"noteToCustomer\": \"Ciao Mario,\\nplease accept.\"," \
  " \"users\": [\"anna@northwind-networks.example\", \"luca@northwind-networks.example\"]," \
  " \"noteToUsers\": \"Welcome\"}"

/* A sandbox in a temporary directory, and the training user signed in. */
typedef struct
{
  char            *dir;
  SaSandboxThread *sandbox;
  const char      *base;     /* "http://127.0.0.1:PORT/" */
  SoupSession     *session;
  char            *token;
} SbtFixture;

#define SBT_ADD(path, func) \
  g_test_add ("/sandbox/" path, SbtFixture, NULL, sbt_fixture_set_up, func, sbt_fixture_tear_down)

void         sbt_fixture_set_up    (SbtFixture          *f,
                                    gconstpointer        data);
void         sbt_fixture_tear_down (SbtFixture          *f,
                                    gconstpointer        data);
void         sbt_fixture_start     (SbtFixture          *f);
void         sbt_fixture_sign_in   (SbtFixture          *f);
char        *sbt_make_dir          (void);
void         sbt_remove_tree       (const char          *dir);

SoupSession *sbt_new_session       (void);
/* Sends one request (@body with @content_type, or none); returns the JSON
 * answer (NULL if none); @status the HTTP status; @headers (optional) the
 * response headers, referenced. */
JsonNode    *sbt_request           (SoupSession         *session,
                                    const char          *base,
                                    const char          *token,
                                    const char          *method,
                                    const char          *path,
                                    const char          *if_match,
                                    const char          *content_type,
                                    GBytes              *body,
                                    guint               *status,
                                    SoupMessageHeaders **headers);
/* As sbt_request() with @json_body (NULL for none) as application/json. */
JsonNode    *sbt_call              (SoupSession         *session,
                                    const char          *base,
                                    const char          *token,
                                    const char          *method,
                                    const char          *path,
                                    const char          *json_body,
                                    guint               *status,
                                    SoupMessageHeaders **headers);
/* Signs in; NULL (and @status) when refused. */
char        *sbt_sign_in           (SoupSession         *session,
                                    const char          *base,
                                    const char          *username,
                                    const char          *password,
                                    guint               *status);
/* Raw bytes over a fresh connection; the HTTP status (0: closed). */
guint        sbt_raw_request_body  (SbtFixture          *f,
                                    const char          *request,
                                    gsize                length,
                                    char               **body);
guint        sbt_raw_request       (SbtFixture          *f,
                                    const char          *request,
                                    gsize                length);
guint        sbt_raw_get           (SbtFixture          *f,
                                    const char          *target);

/* The fixture's user calling */
JsonNode    *sbt_fixture_call      (SbtFixture          *f,
                                    const char          *method,
                                    const char          *path,
                                    const char          *json_body,
                                    guint               *status);
JsonNode    *sbt_put_assignment    (SbtFixture          *f,
                                    const char          *number,
                                    const char          *if_match,
                                    const char          *json,
                                    guint               *status);
JsonObject  *sbt_get_order         (SbtFixture          *f,
                                    const char          *number,
                                    JsonNode           **holder);
gint64       sbt_order_version     (SbtFixture          *f,
                                    const char          *number);
gint64       sbt_order_count       (SbtFixture          *f);
/* GET @path, expects 200 and returns @member's array (owned by *holder);
 * unless @path pages (limit=), totalRecords is the array's length. */
JsonArray   *sbt_get_list          (SbtFixture          *f,
                                    const char          *path,
                                    const char          *member,
                                    JsonNode           **holder);
guint        sbt_count_list        (SbtFixture          *f,
                                    const char          *path,
                                    const char          *member);
guint        sbt_count_search      (SbtFixture          *f,
                                    const char          *query);
JsonNode    *sbt_create_trattoria  (SbtFixture          *f);
JsonNode    *sbt_request_access    (SbtFixture          *f,
                                    const char          *domain,
                                    const char          *account_id,
                                    guint               *status);
gint64       sbt_clock_now         (SbtFixture          *f);
void         sbt_advance_clock     (SbtFixture          *f,
                                    int                  days);

/* The standalone program (SA_SANDBOX_EXE) serving: its base URI in @base. */
GSubprocess *sbt_spawn_server      (char               **base,
                                    const char          *first_arg,
                                    ...) G_GNUC_NULL_TERMINATED;
void         sbt_stop_server       (GSubprocess         *process);

gint64       sbt_parse_date        (const char          *iso);
void         sbt_assert_error      (JsonNode            *node,
                                    guint                status,
                                    guint                expected_status,
                                    const char          *expected_code);
/**
 * SbtRefusal:
 * @method: the method
 * @path: the path and query
 * @if_match: (nullable): the If-Match header
 * @body: (nullable): the JSON body
 * @status: the HTTP status expected
 * @code: the error code expected
 * @field: (nullable): instead of @status and @code: 422 VALIDATION_FAILED
 *   naming this field in `fields`
 *
 * A request of the fixture's user and the error it must get.
 */
typedef struct
{
  const char *method;
  const char *path;
  const char *if_match;
  const char *body;
  guint       status;
  const char *code;
  const char *field;
} SbtRefusal;

/* A PUT of the assignment of order @number, refused with @status @code. */
#define PUT(number, if_match, json, status, code) \
  { "PUT", "/v1/orders/" number "/smart-account-assignment", if_match, json, status, code, NULL }

void         sbt_assert_refusals   (SbtFixture          *f,
                                    const SbtRefusal    *refusals,
                                    gsize                n_refusals);
/* The fixture's user calling @method @path is refused with that error. */
void         sbt_assert_refused    (SbtFixture          *f,
                                    const char          *method,
                                    const char          *path,
                                    const char          *json_body,
                                    guint                expected_status,
                                    const char          *expected_code);
void         sbt_assert_gets_refused (SbtFixture         *f,
                                      const char * const *paths,
                                      gsize               n_paths,
                                      guint               expected_status,
                                      const char         *expected_code);
/* A 422 VALIDATION_FAILED naming @field in `fields`. */
void         sbt_assert_field_error (JsonNode           *node,
                                     guint               status,
                                     const char         *field);
const char  *sbt_get_string        (JsonNode            *node,
                                    const char          *member);
/* The Smart Account of an account or access request. */
JsonObject  *sbt_account_of        (JsonNode            *request);

G_END_DECLS
