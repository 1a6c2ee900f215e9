/* test-desk-send.c — the Desk client's send pipeline against small SoupServer test doubles, for the failures a sandbox never makes: transport errors, malformed answers, error bodies and their details, what is sent, what is never logged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <libsoup/soup.h>

#include "desk-test-util.h"

/* ------------------------------------------------------------------------ */
/* Test doubles: a local SoupServer that misbehaves on purpose */

typedef enum
{
  DOUBLE_HANG,         /* never answers */
  DOUBLE_MALFORMED,    /* 200 with broken JSON */
  DOUBLE_NOT_OBJECT,   /* 200 with a JSON array */
  DOUBLE_WRONG_SHAPE,  /* 200 with orders of the wrong types */
  DOUBLE_SERVER_ERROR, /* 500 */
  DOUBLE_HTML_503,     /* 503 with an HTML page */
  DOUBLE_CODE_409,     /* 409 ORDER_SHIPPED in the contract's error body */
  DOUBLE_BARE_404,     /* 404 with no body */
  DOUBLE_UNAUTHENTICATED, /* 401 UNAUTHENTICATED */
  DOUBLE_UNKNOWN_CODE, /* 422 with a code the client does not know */
  DOUBLE_RECORD,       /* answers like the contract and records the request */
} DoubleMode;

typedef struct
{
  SoupServer        *server;
  DoubleMode         mode;
  GPtrArray         *paused;       /* SoupServerMessage, for DOUBLE_HANG */
  char              *uri;
  /* what DOUBLE_RECORD saw */
  char              *method;
  char              *path;
  char              *query;
  char              *authorization;
  char              *user_agent;
  char              *if_match;
  char              *content_type;
  char              *body;
} TestDouble;

static void
double_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  TestDouble *self = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);

  switch (self->mode)
    {
    case DOUBLE_HANG:
      g_ptr_array_add (self->paused, g_object_ref (msg));
      soup_server_message_pause (msg);
      return;

    case DOUBLE_MALFORMED:
      desk_test_respond_json (msg, 200, "{\"orders\": [");
      return;

    case DOUBLE_NOT_OBJECT:
      desk_test_respond_json (msg, 200, "[1, 2]");
      return;

    case DOUBLE_WRONG_SHAPE:
      {
        static const char json[] =
          "{\"orders\": [{\"salesOrderNumber\": 1, \"status\": \"BOOKED\", \"version\": 1}],"
          " \"totalRecords\": 1}";

        desk_test_respond_json (msg, 200, json);
        return;
      }

    case DOUBLE_SERVER_ERROR:
      {
        static const char json[] =
          "{\"status\": \"ERROR\", \"code\": \"ORDER_SHIPPED\", \"statusMessage\": \"boom\"}";

        desk_test_respond_json (msg, 500, json);
        return;
      }

    case DOUBLE_HTML_503:
      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<html>down</html>", 17);
      return;

    case DOUBLE_CODE_409:
      {
        static const char json[] =
          "{\"status\": \"ERROR\", \"code\": \"ORDER_SHIPPED\", \"statusMessage\": \"raw text\"}";

        desk_test_respond_json (msg, 409, json);
        return;
      }

    case DOUBLE_BARE_404:
      soup_server_message_set_status (msg, 404, NULL);
      return;

    case DOUBLE_UNAUTHENTICATED:
      {
        static const char json[] =
          "{\"status\": \"ERROR\", \"code\": \"UNAUTHENTICATED\", \"statusMessage\": \"expired\"}";

        desk_test_respond_json (msg, 401, json);
        return;
      }

    case DOUBLE_UNKNOWN_CODE:
      {
        static const char json[] =
          "{\"status\": \"ERROR\", \"code\": \"SOMETHING_NEW\", \"statusMessage\": \"?\"}";

        desk_test_respond_json (msg, 422, json);
        return;
      }

    case DOUBLE_RECORD:
      {
        static const char token[] =
          "{\"access_token\": \"t0k3n-secret\", \"token_type\": \"Bearer\", \"expires_in\": 3600}";
        static const char order[] =
          "{\"salesOrderNumber\": \"104857601\", \"status\": \"BOOKED\", \"version\": 8,"
          " \"endCustomer\": null, \"holding\": null}";
        GUri *uri = soup_server_message_get_uri (msg);

        g_free (self->method);
        g_free (self->path);
        g_free (self->query);
        g_free (self->authorization);
        g_free (self->user_agent);
        g_free (self->if_match);
        g_free (self->content_type);
        g_free (self->body);
        self->method = g_strdup (soup_server_message_get_method (msg));
        self->path = g_strdup (g_uri_get_path (uri));
        self->query = g_strdup (g_uri_get_query (uri));
        self->authorization = g_strdup (soup_message_headers_get_one (request_headers, "Authorization"));
        self->user_agent = g_strdup (soup_message_headers_get_one (request_headers, "User-Agent"));
        self->if_match = g_strdup (soup_message_headers_get_one (request_headers, "If-Match"));
        self->content_type = g_strdup (soup_message_headers_get_content_type (request_headers, NULL));
        self->body = g_strndup (request_body->data, request_body->length);

        if (g_str_equal (path, "/oauth2/token"))
          desk_test_respond_json (msg, 200, token);
        else if (g_str_has_prefix (path, "/v1/orders/"))
          {
            soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                          "ETag", "\"8\"");
            desk_test_respond_json (msg, 200, order);
          }
        else
          desk_test_respond_json (msg, 200, "{\"accounts\": [], \"totalRecords\": 0}");
        return;
      }

    default:
      g_assert_not_reached ();
    }
}

static TestDouble *
test_double_new (DoubleMode mode)
{
  TestDouble *self = g_new0 (TestDouble, 1);

  self->mode = mode;
  self->paused = g_ptr_array_new_with_free_func (g_object_unref);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, double_handler, self, NULL);
  self->uri = desk_test_listen (self->server);

  return self;
}

static void
test_double_free (TestDouble *self)
{
  /* Let paused messages end before the server goes. */
  for (guint i = 0; i < self->paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (self->paused, i);

      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_unpause (msg);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_ptr_array_unref (self->paused);
  g_free (self->uri);
  g_free (self->method);
  g_free (self->path);
  g_free (self->query);
  g_free (self->authorization);
  g_free (self->user_agent);
  g_free (self->if_match);
  g_free (self->content_type);
  g_free (self->body);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDouble, test_double_free)

static void
assert_double_gives (DoubleMode    mode,
                     SaClientError expected)
{
  g_autoptr(TestDouble) server = test_double_new (mode);
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GError) error = NULL;

  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, (int) expected);
  /* Never the server's raw text. */
  g_assert_null (strstr (error->message, "raw text"));
  g_assert_null (strstr (error->message, "boom"));
}

static void
test_timeout (void)
{
  g_autoptr(TestDouble) server = test_double_new (DOUBLE_HANG);
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  sa_desk_client_set_timeout (SA_DESK_CLIENT (client), 1);
  start = g_get_monotonic_time ();
  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_malformed_json (void)
{
  assert_double_gives (DOUBLE_MALFORMED, SA_CLIENT_ERROR_INVALID_RESPONSE);
  assert_double_gives (DOUBLE_NOT_OBJECT, SA_CLIENT_ERROR_INVALID_RESPONSE);
  assert_double_gives (DOUBLE_WRONG_SHAPE, SA_CLIENT_ERROR_INVALID_RESPONSE);
}

static void
test_server_error (void)
{
  /* 5xx is SERVER_ERROR whatever code the body claims. */
  assert_double_gives (DOUBLE_SERVER_ERROR, SA_CLIENT_ERROR_SERVER_ERROR);
  assert_double_gives (DOUBLE_HTML_503, SA_CLIENT_ERROR_SERVER_ERROR);
}

static void
test_error_body_mapping (void)
{
  assert_double_gives (DOUBLE_CODE_409, SA_CLIENT_ERROR_ORDER_SHIPPED);
  assert_double_gives (DOUBLE_BARE_404, SA_CLIENT_ERROR_NOT_FOUND);
  assert_double_gives (DOUBLE_UNKNOWN_CODE, SA_CLIENT_ERROR_FAILED);
}

static void
test_network_error (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GListModel) orders = NULL;
  g_autofree char *uri = NULL;
  guint16 port;

  /* Find a free port, then close it again: nobody listens there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  uri = g_strdup_printf ("http://127.0.0.1:%u/", port);
  client = sa_desk_client_new (uri);

  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NETWORK);
  g_clear_error (&error);

  g_assert_false (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NETWORK);
  g_clear_error (&error);

  /* Local validation comes first: no network needed to refuse bad input. */
  g_clear_object (&orders);
  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "x", 0, 0, NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

static void
test_invalid_base_uri (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new ("ftp://example.com/");
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GError) error = NULL;

  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

static gboolean
cancel_later (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancellation (void)
{
  g_autoptr(TestDouble) server = test_double_new (DOUBLE_HANG);
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) already = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GListModel) orders = NULL;

  /* Cancelled while waiting for the server. */
  sa_client_get_order_async (client, ORDER_UNASSIGNED, cancellable, on_ready, &slot);
  g_timeout_add (100, cancel_later, cancellable);
  result = wait_for (&slot);
  order = sa_client_get_order_finish (client, result, &error);
  g_assert_null (order);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancelled before it starts. */
  g_cancellable_cancel (already);
  sa_client_search_orders_async (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0,
                                 already, on_ready, &slot);
  result = wait_for (&slot);
  orders = sa_client_search_orders_finish (client, result, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_request_format (void)
{
  g_autoptr(TestDouble) server = test_double_new (DOUBLE_RECORD);
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *body;
  JsonObject *end_customer;

  /* Sign-in: a form, no token yet. */
  g_assert_true (sign_in (client, "tr@inee&co", "p=w d&", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (server->method, ==, "POST");
  g_assert_cmpstr (server->path, ==, "/oauth2/token");
  g_assert_cmpstr (server->content_type, ==, "application/x-www-form-urlencoded");
  g_assert_null (server->authorization);
  {
    g_autoptr(GHashTable) form = soup_form_decode (server->body);

    g_assert_cmpstr (g_hash_table_lookup (form, "grant_type"), ==, "password");
    g_assert_cmpstr (g_hash_table_lookup (form, "username"), ==, "tr@inee&co");
    g_assert_cmpstr (g_hash_table_lookup (form, "password"), ==, "p=w d&");
  }
  g_assert_true (g_str_has_prefix (server->user_agent, "smart-account-desk/"));

  /* Then the token goes with every call; values are escaped in the query. */
  {
    g_autoptr(GListModel) accounts = search_accounts (client, SA_ACCOUNT_SEARCH_NAME,
                                                      "Comune di Verona – IT & co", SA_ACCOUNT_TYPE_HOLDING, &error);
    g_autoptr(GHashTable) query = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);
    g_assert_cmpstr (server->authorization, ==, "Bearer t0k3n-secret");
    g_assert_cmpstr (server->path, ==, "/v1/accounts/search");
    query = soup_form_decode (server->query);
    g_assert_cmpstr (g_hash_table_lookup (query, "name"), ==, "Comune di Verona – IT & co");
    g_assert_cmpstr (g_hash_table_lookup (query, "type"), ==, "HOLDING");
    g_assert_cmpuint (g_hash_table_size (query), ==, 2);
  }

  /* The PUT: If-Match from the order, a JSON body built by JsonBuilder. */
  {
    g_autoptr(SaOrder) order = get_order (client, ORDER_UNASSIGNED, &error);
    g_autoptr(SaAssignment) slot = slot_new (DOMAIN_JAPANESE_VA, SA_ACCOUNT_TYPE_CUSTOMER, JAPANESE_VA);
    g_autoptr(SaOrder) updated = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (sa_order_get_etag (order), ==, "\"8\"");

    updated = update_assignment (client, order, slot, NULL, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (server->method, ==, "PUT");
    g_assert_cmpstr (server->path, ==, "/v1/orders/104857601/smart-account-assignment");
    g_assert_cmpstr (server->if_match, ==, "\"8\"");
    g_assert_cmpstr (server->content_type, ==, "application/json");

    g_assert_true (json_parser_load_from_data (parser, server->body, -1, NULL));
    body = json_node_get_object (json_parser_get_root (parser));
    g_assert_true (json_object_get_boolean_member (body, "termsAccepted"));
    g_assert_false (json_object_has_member (body, "holding"));
    end_customer = json_object_get_object_member (body, "endCustomer");
    g_assert_cmpstr (json_object_get_string_member (end_customer, "domain"), ==, DOMAIN_JAPANESE_VA);
    g_assert_cmpstr (json_object_get_string_member (end_customer, "virtualAccount"), ==, JAPANESE_VA);
  }

  /* Another error keeps the token; a 401 drops it. */
  server->mode = DOUBLE_BARE_404;
  {
    g_autoptr(SaOrder) none = get_order (client, ORDER_UNASSIGNED, &error);

    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (sa_client_get_signed_in (client));
    g_assert_null (none);
  }
  server->mode = DOUBLE_UNAUTHENTICATED;
  {
    g_autoptr(SaOrder) none = get_order (client, ORDER_UNASSIGNED, &error);

    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
    g_assert_false (sa_client_get_signed_in (client));
    g_assert_null (none);
  }
}

static void
test_secrets_not_logged (void)
{
  g_autoptr(TestDouble) server = test_double_new (DOUBLE_RECORD);
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  /* With HTTP debugging on, as a developer would run it. */
  g_setenv ("SA_DEBUG_HTTP", "1", TRUE);
  client = sa_desk_client_new (server->uri);
  g_unsetenv ("SA_DEBUG_HTTP");

  core_test_log_capture_start ();
  g_assert_true (sign_in (client, TRAINING_USER, "pa55-secret-word", &error));
  g_assert_no_error (error);
  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "acme", -1, &error);
  g_assert_no_error (error);

  log = core_test_log_capture_take ();
  /* The calls were logged ... */
  g_assert_nonnull (strstr (log, "/oauth2/token"));
  g_assert_nonnull (strstr (log, "/v1/accounts/search"));
  /* ... but neither the password nor the token. */
  g_assert_null (strstr (log, "pa55-secret-word"));
  g_assert_null (strstr (log, "t0k3n-secret"));
  g_assert_null (strstr (log, "Authorization"));
}

/* A test double of the error details: VALIDATION_FAILED fields, and
 * REMINDER_TOO_SOON with only a Retry-After header. */
static void
details_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  if (g_str_equal (path, "/v1/account-requests"))
    {
      static const char body[] =
        "{\"status\": \"ERROR\", \"code\": \"VALIDATION_FAILED\", \"statusMessage\": \"Invalid\","
        " \"fields\": {\"accountDomain\": \"Domain is reserved\", \"users[1]\": \"Bad e-mail\"}}";

      desk_test_respond_json (msg, 422, body);
    }
  else if (g_str_has_suffix (path, "/reminders"))
    {
      static const char body[] =
        "{\"status\": \"ERROR\", \"code\": \"REMINDER_TOO_SOON\", \"statusMessage\": \"Wait\"}";

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "3600");
      desk_test_respond_json (msg, 429, body);
    }
  else if (g_str_equal (path, "/v1/access-requests"))
    {
      static const char body[] =
        "{\"status\": \"ERROR\", \"code\": \"ACCOUNT_ID_REQUIRED\", \"statusMessage\": \"Choose\","
        " \"candidates\": [{\"id\": \"SA-1\", \"domain\": \"x.example\", \"name\": \"X\","
        " \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\"}, {\"bogus\": true}]}";

      desk_test_respond_json (msg, 422, body);
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
    }
}

static void
test_error_details (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaClient) client = NULL;
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(SaAccessRequest) access = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *uri = NULL;

  soup_server_add_handler (server, NULL, details_handler, NULL, NULL);
  uri = desk_test_listen (server);
  client = sa_desk_client_new (uri);

  request = create_account_request (client, "Trattoria", "mario@trattoria.example", "trattoria.example",
                                    NULL, &error);
  g_assert_null (request);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VALIDATION_FAILED);
  g_assert_cmpuint (count_refused (error, SA_FIELD_FORM_ACCOUNT_REQUEST), ==, 2);
  g_assert_cmpstr (find_refused (error, SA_FIELD_FORM_ACCOUNT_REQUEST, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN,
                                 "accountDomain")->detail, ==, "Domain is reserved");
  g_assert_cmpstr (find_refused (error, SA_FIELD_FORM_ACCOUNT_REQUEST, SA_ACCOUNT_REQUEST_FIELD_USERS,
                                 "users[1]")->detail, ==, "Bad e-mail");
  /* The user sees our sentence, not the server's. */
  g_assert_null (strstr (error->message, "reserved"));
  g_clear_error (&error);

  access = send_reminder (client, "XR-000001", &next, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON);
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_time_difference (next, now), >=, 3590 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (next, now), <=, 3660 * G_TIME_SPAN_SECOND);
  g_clear_error (&error);

  /* A malformed candidate list: the error stays, the list is dropped. */
  access = create_access_request (client, "x.example", NULL, "Reason", &candidates, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED);
  g_assert_null (candidates);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  core_test_log_capture_install ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/client/transport/cancellation", test_cancellation);
  g_test_add_func ("/desk/client/transport/network-error", test_network_error);
  g_test_add_func ("/desk/client/transport/invalid-base-uri", test_invalid_base_uri);
  g_test_add_func ("/desk/client/transport/timeout", test_timeout);
  g_test_add_func ("/desk/client/transport/malformed-json", test_malformed_json);
  g_test_add_func ("/desk/client/transport/server-error", test_server_error);
  g_test_add_func ("/desk/client/transport/error-body-mapping", test_error_body_mapping);
  g_test_add_func ("/desk/client/transport/request-format", test_request_format);
  g_test_add_func ("/desk/client/transport/secrets-not-logged", test_secrets_not_logged);
  g_test_add_func ("/desk/client/transport/error-details", test_error_details);

  return desk_test_run ();
}
