/* test-sandbox.c — the sandbox back office over loopback, raw HTTP
 *
 * Every rule of docs/desk-api.md: status code, error code, and the data state
 * checked by a follow-up request. A plain SoupSession, not the core client.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sa-sandbox-server.h"
#include "sa-sandbox-thread.h"

#define NO_TOKEN ""

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

typedef struct
{
  char            *dir;
  SaSandboxThread *sandbox;
  SoupSession     *session;
  char            *token;
} Fixture;

/* ------------------------------------------------------------------------ */

static SoupSession *
new_session (void)
{
  return g_object_new (SOUP_TYPE_SESSION,
                       "proxy-resolver", NULL,
                       "timeout", 20,
                       "idle-timeout", 20,
                       NULL);
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

/* Sends one request; returns the JSON answer (NULL if none) and the status. */
static JsonNode *
call_full (const char   *base,
           SoupSession  *session,
           const char   *method,
           const char   *path_and_query,
           const char   *token,
           const char   *if_match,
           const char   *content_type,
           GBytes       *body,
           guint        *status,
           char        **etag)
{
  g_autofree char *uri = g_strconcat (base, path_and_query + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (token != NULL && *token != '\0')
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  g_assert_cmpuint (*status, <, 500);
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"));

  return parse_json (answer);
}

static JsonNode *
call (Fixture    *f,
      const char *method,
      const char *path,
      guint      *status)
{
  return call_full (sa_sandbox_thread_get_uri (f->sandbox), f->session, method, path,
                    f->token, NULL, NULL, NULL, status, NULL);
}

static JsonNode *
put_assignment (Fixture    *f,
                const char *number,
                const char *if_match,
                const char *json,
                guint      *status)
{
  g_autofree char *path = g_strdup_printf ("/v1/orders/%s/smart-account-assignment", number);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  return call_full (sa_sandbox_thread_get_uri (f->sandbox), f->session, "PUT", path,
                    f->token, if_match, "application/json", body, status, NULL);
}

static void
assert_error (JsonNode   *node,
              guint       status,
              guint       expected_status,
              const char *expected_code)
{
  JsonObject *object;

  g_assert_cmpuint (status, ==, expected_status);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "status", NULL), ==, "ERROR");
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "code", NULL), ==, expected_code);
  g_assert_nonnull (json_object_get_string_member_with_default (object, "statusMessage", NULL));
}

static char *
sign_in (const char  *base,
         SoupSession *session)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *form = "grant_type=password&username=" SA_SANDBOX_TRAINING_USERNAME
                     "&password=" SA_SANDBOX_TRAINING_PASSWORD;
  guint status;

  body = g_bytes_new (form, strlen (form));
  node = call_full (base, session, "POST", "/oauth2/token", NULL, NULL,
                    "application/x-www-form-urlencoded", body, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (node);

  return g_strdup (json_object_get_string_member (json_node_get_object (node), "access_token"));
}

static JsonObject *
get_order (Fixture    *f,
           const char *number,
           JsonNode  **holder)
{
  g_autofree char *path = g_strconcat ("/v1/orders/", number, NULL);
  guint status;

  *holder = call (f, "GET", path, &status);
  g_assert_cmpuint (status, ==, 200);

  return json_node_get_object (*holder);
}

static gint64
order_version (Fixture    *f,
               const char *number)
{
  g_autoptr(JsonNode) node = NULL;

  return json_object_get_int_member (get_order (f, number, &node), "version");
}

static gint64
order_count (Fixture *f)
{
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = call (f, "GET", "/v1/orders", &status);
  g_assert_cmpuint (status, ==, 200);

  return json_object_get_int_member (json_node_get_object (node), "totalRecords");
}

/* Sends raw bytes over a fresh connection; returns the HTTP status (0: closed). */
static guint
raw_request (Fixture    *f,
             const char *request,
             gsize       length)
{
  g_autoptr(GUri) uri = g_uri_parse (sa_sandbox_thread_get_uri (f->sandbox), G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  GByteArray *answer = g_byte_array_new ();
  guint status = 0;
  char buffer[4096];
  gssize n;

  g_socket_client_set_timeout (client, 20);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                (guint16) g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, length, NULL, NULL, &error);
  g_assert_no_error (error);

  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                   buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      g_byte_array_append (answer, (guint8 *) buffer, (guint) n);
      if (answer->len > 64 * 1024)
        break;
    }
  g_byte_array_append (answer, (guint8 *) "", 1);

  if (g_str_has_prefix ((char *) answer->data, "HTTP/1.1 "))
    status = (guint) g_ascii_strtoull ((char *) answer->data + 9, NULL, 10);
  g_byte_array_unref (answer);

  return status;
}

static guint
raw_get (Fixture    *f,
         const char *target)
{
  g_autofree char *request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                              "Authorization: Bearer %s\r\n"
                                              "Connection: close\r\n\r\n",
                                              target, f->token);

  return raw_request (f, request, strlen (request));
}

/* ------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("sa-sandbox-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->sandbox = sa_sandbox_thread_start (f->dir, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sa_sandbox_thread_get_uri (f->sandbox), "http://127.0.0.1:"));
  f->session = new_session ();
  f->token = sign_in (sa_sandbox_thread_get_uri (f->sandbox), f->session);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->sandbox);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->token, g_free);
}

/* ------------------------------------------------------------------------ */
/* Authentication                                                            */

static JsonNode *
post_token (Fixture    *f,
            const char *form,
            guint      *status)
{
  g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));

  return call_full (sa_sandbox_thread_get_uri (f->sandbox), f->session, "POST", "/oauth2/token",
                    NULL, NULL, "application/x-www-form-urlencoded", body, status, NULL);
}

static void
assert_oauth_error (JsonNode   *node,
                    guint       status,
                    const char *expected)
{
  g_assert_cmpuint (status, ==, 400);
  g_assert_nonnull (node);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "error"), ==, expected);
}

static void
test_token (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) ok = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  guint status;

  ok = post_token (f, "grant_type=password&username=trainee&password=training", &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (ok);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==, 3600);
  /* 32 random bytes, base64url: 43 characters, and a new one every time */
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "access_token")), ==, 43);
  g_assert_cmpstr (json_object_get_string_member (object, "access_token"), !=, f->token);

  node = post_token (f, "grant_type=password&username=trainee&password=wrong", &status);
  assert_oauth_error (node, status, "invalid_grant");
  g_clear_pointer (&node, json_node_unref);
  node = post_token (f, "grant_type=password&username=nobody&password=training", &status);
  assert_oauth_error (node, status, "invalid_grant");
  g_clear_pointer (&node, json_node_unref);
  node = post_token (f, "grant_type=password&username=trainee'--&password=x' OR '1'='1", &status);
  assert_oauth_error (node, status, "invalid_grant");
  g_clear_pointer (&node, json_node_unref);
  node = post_token (f, "grant_type=client_secret&username=trainee&password=training", &status);
  assert_oauth_error (node, status, "unsupported_grant_type");
  g_clear_pointer (&node, json_node_unref);
  node = post_token (f, "username=trainee&password=training", &status);
  assert_oauth_error (node, status, "invalid_request");
  g_clear_pointer (&node, json_node_unref);
  node = post_token (f, "grant_type=password&username=trainee", &status);
  assert_oauth_error (node, status, "invalid_request");
  g_clear_pointer (&node, json_node_unref);

  node = call (f, "GET", "/oauth2/token", &status);
  assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
}

static void
test_unauthenticated (Fixture       *f,
                      gconstpointer  data)
{
  const char *base = sa_sandbox_thread_get_uri (f->sandbox);
  const char *tokens[] = {
    NO_TOKEN, "garbage", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a b c", "é",
  };
  const char *paths[] = {
    "/v1/profile", "/v1/orders", "/v1/orders/" ORDER_UNASSIGNED,
    "/v1/accounts/search?domain=acme", "/v1/accounts/acme-industrie.fr/CUSTOMER/virtual-accounts",
  };
  const char *json = "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": \"DEFAULT\"},"
                     " \"termsAccepted\": true}";
  guint i, j, status;

  for (i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
      g_autoptr(JsonNode) put = NULL;
      g_autoptr(JsonNode) reset = NULL;

      for (j = 0; j < G_N_ELEMENTS (paths); j++)
        {
          g_autoptr(JsonNode) node = call_full (base, f->session, "GET", paths[j], tokens[i],
                                                NULL, NULL, NULL, &status, NULL);

          assert_error (node, status, 401, "UNAUTHENTICATED");
        }

      put = call_full (base, f->session, "PUT",
                       "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment",
                       tokens[i], "\"1\"", "application/json", body, &status, NULL);
      assert_error (put, status, 401, "UNAUTHENTICATED");
      reset = call_full (base, f->session, "POST", "/sandbox/reset", tokens[i],
                         NULL, NULL, NULL, &status, NULL);
      assert_error (reset, status, 401, "UNAUTHENTICATED");
    }

  /* nothing changed */
  g_assert_cmpint (order_version (f, ORDER_UNASSIGNED), ==, 1);
}

static void
test_profile (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  guint status;

  node = call (f, "GET", "/v1/profile", &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "username"), ==, "trainee");
  g_assert_cmpstr (json_object_get_string_member (object, "company"), ==, "Northwind Networks SARL");
  g_assert_cmpstr (json_object_get_string_member (object, "firstName"), ==, "Camille");
  g_assert_cmpstr (json_object_get_string_member (object, "lastName"), ==, "Martin");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "email"), "@northwind-networks.example"));
  g_assert_cmpstr (json_object_get_string_member (object, "country"), ==, "FR");
  g_assert_nonnull (json_object_get_string_member (object, "phone"));
}

/* ------------------------------------------------------------------------ */
/* Orders                                                                    */

static void
test_orders_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonArray *orders;
  guint status, i, offset;
  guint shipped = 0, hold = 0, unassigned = 0, holding_only = 0, assigned = 0;
  const char *bad[] = {
    "/v1/orders?limit=0", "/v1/orders?limit=101", "/v1/orders?limit=-1", "/v1/orders?limit=abc",
    "/v1/orders?limit=+5", "/v1/orders?offset=-1", "/v1/orders?offset=x",
    "/v1/orders?limit=99999999999999999999999", "/v1/orders?limit=", "/v1/orders?searchBy=status&value=BOOKED",
    "/v1/orders?searchBy=salesOrderNumber", "/v1/orders?value=1048",
    "/v1/orders?searchBy=salesOrderNumber&value=",
    "/v1/orders?searchBy=salesOrderNumber&value=abc",
  };

  all = call (f, "GET", "/v1/orders", &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (all);
  g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==, N_VISIBLE_ORDERS);
  g_assert_cmpint (json_object_get_int_member (object, "limit"), ==, 50);
  g_assert_cmpint (json_object_get_int_member (object, "offset"), ==, 0);
  orders = json_object_get_array_member (object, "orders");
  g_assert_cmpuint (json_array_get_length (orders), ==, N_VISIBLE_ORDERS);

  for (i = 0; i < json_array_get_length (orders); i++)
    {
      JsonObject *order = json_array_get_object_element (orders, i);
      const char *number = json_object_get_string_member (order, "salesOrderNumber");
      gboolean ec = !json_object_get_null_member (order, "endCustomer");
      gboolean h = !json_object_get_null_member (order, "holding");

      g_assert_false (g_str_has_prefix (number, "2097152"));
      g_assert_cmpuint (strlen (number), ==, 9);
      g_hash_table_add (statuses, (gpointer) json_object_get_string_member (order, "status"));
      shipped += g_strcmp0 (json_object_get_string_member (order, "status"), "SHIPPED") == 0;
      hold += json_object_get_boolean_member (order, "exportHold");
      unassigned += !ec && !h;
      holding_only += !ec && h;
      assigned += ec;
    }
  /* the training data the documents need */
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 4);
  g_assert_cmpuint (shipped, >=, 3);
  g_assert_cmpuint (hold, >=, 2);
  g_assert_cmpuint (unassigned, >=, 5);
  g_assert_cmpuint (holding_only, >=, 3);
  g_assert_cmpuint (assigned, >=, 3);

  /* paging: pages of 7 give every order exactly once */
  for (offset = 0; offset < N_VISIBLE_ORDERS + 7; offset += 7)
    {
      g_autofree char *path = g_strdup_printf ("/v1/orders?limit=7&offset=%u", offset);
      g_autoptr(JsonNode) page = call (f, "GET", path, &status);
      JsonArray *items;

      g_assert_cmpuint (status, ==, 200);
      object = json_node_get_object (page);
      g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==, N_VISIBLE_ORDERS);
      g_assert_cmpint (json_object_get_int_member (object, "offset"), ==, offset);
      g_assert_cmpint (json_object_get_int_member (object, "limit"), ==, 7);
      items = json_object_get_array_member (object, "orders");
      g_assert_cmpuint (json_array_get_length (items), ==,
                        offset >= N_VISIBLE_ORDERS ? 0 : MIN (7, N_VISIBLE_ORDERS - offset));
      for (i = 0; i < json_array_get_length (items); i++)
        {
          const char *number = json_object_get_string_member (json_array_get_object_element (items, i),
                                                              "salesOrderNumber");

          g_assert_true (g_hash_table_add (seen, g_strdup (number)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_VISIBLE_ORDERS);

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = call (f, "GET", bad[i], &status);

      g_test_message ("%s", bad[i]);
      assert_error (node, status, 400, "INVALID_REQUEST");
    }
}

static guint
search_orders (Fixture    *f,
               const char *field,
               const char *value,
               const char *must_contain,
               JsonNode  **holder)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1/orders?searchBy=%s&value=%s", field, escaped);
  g_autofree char *folded = g_utf8_casefold (must_contain, -1);
  JsonArray *orders;
  guint status, i;

  *holder = call (f, "GET", path, &status);
  g_assert_cmpuint (status, ==, 200);
  orders = json_object_get_array_member (json_node_get_object (*holder), "orders");
  for (i = 0; i < json_array_get_length (orders); i++)
    {
      g_autofree char *v = g_utf8_casefold (json_object_get_string_member (json_array_get_object_element (orders, i),
                                                                           field), -1);

      g_assert_nonnull (strstr (v, folded));
    }
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (*holder), "totalRecords"), ==,
                   json_array_get_length (orders));

  return json_array_get_length (orders);
}

static void
test_orders_search (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) d = NULL;
  g_autoptr(JsonNode) e = NULL;
  g_autoptr(JsonNode) g = NULL;
  g_autoptr(JsonNode) h = NULL;

  g_assert_cmpuint (search_orders (f, "salesOrderNumber", ORDER_UNASSIGNED, ORDER_UNASSIGNED, &a), ==, 1);
  /* contains: 10485760x */
  g_assert_cmpuint (search_orders (f, "salesOrderNumber", "10485760", "10485760", &b), ==, 9);
  /* case-insensitive */
  g_assert_cmpuint (search_orders (f, "webOrderId", "wo73910452", "WO73910452", &c), ==, 1);
  g_assert_cmpuint (search_orders (f, "webOrderId", "WO739", "WO739", &d), ==, N_VISIBLE_ORDERS);
  /* the other partner's PO-ACME-BH-77 is never listed */
  g_assert_cmpuint (search_orders (f, "purchaseOrderNumber", "po-acme", "PO-ACME", &e), ==, 6);
  g_assert_cmpuint (search_orders (f, "salesOrderNumber", "2097152", "2097152", &g), ==, 0);
  g_assert_cmpuint (search_orders (f, "webOrderId", "WO812", "WO812", &h), ==, 0);
}

static void
test_order_get (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) assigned = NULL;
  g_autoptr(JsonNode) hold = NULL;
  g_autofree char *etag = NULL;
  JsonObject *order, *ec;
  guint status;
  const char *bad[] = {
    "/v1/orders/12ab", "/v1/orders/123456789012345678901", "/v1/orders/-1", "/v1/orders/%20",
  };
  guint i;

  node = call_full (sa_sandbox_thread_get_uri (f->sandbox), f->session, "GET",
                    "/v1/orders/" ORDER_UNASSIGNED, f->token, NULL, NULL, NULL, &status, &etag);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (etag, ==, "\"1\"");
  order = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (order, "salesOrderNumber"), ==, ORDER_UNASSIGNED);
  g_assert_cmpstr (json_object_get_string_member (order, "webOrderId"), ==, "WO73910452");
  g_assert_cmpstr (json_object_get_string_member (order, "purchaseOrderNumber"), ==, "PO-ACME-2291");
  g_assert_cmpstr (json_object_get_string_member (order, "status"), ==, "BOOKED");
  g_assert_false (json_object_get_boolean_member (order, "exportHold"));
  g_assert_cmpstr (json_object_get_string_member (order, "endCustomerName"), ==, "Acme Industrie SA");
  g_assert_nonnull (json_object_get_string_member (order, "description"));
  g_assert_nonnull (json_object_get_string_member (order, "createdDate"));
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 1);
  g_assert_true (json_object_get_null_member (order, "endCustomer"));
  g_assert_true (json_object_get_null_member (order, "holding"));

  order = get_order (f, ORDER_ASSIGNED, &assigned);
  ec = json_object_get_object_member (order, "endCustomer");
  g_assert_cmpstr (json_object_get_string_member (ec, "domain"), ==, "acme-industrie.fr");
  g_assert_cmpstr (json_object_get_string_member (ec, "name"), ==, "Acme Industrie");
  g_assert_cmpstr (json_object_get_string_member (ec, "type"), ==, "CUSTOMER");
  g_assert_cmpstr (json_object_get_string_member (ec, "status"), ==, "ACTIVE");
  g_assert_cmpstr (json_object_get_string_member (ec, "virtualAccount"), ==, "DEFAULT");

  order = get_order (f, ORDER_EXPORT_HOLD, &hold);
  g_assert_true (json_object_get_boolean_member (order, "exportHold"));

  g_clear_pointer (&node, json_node_unref);
  node = call (f, "GET", "/v1/orders/" ORDER_OTHER_PARTNER, &status);
  assert_error (node, status, 403, "NOT_AUTHORIZED");
  g_clear_pointer (&node, json_node_unref);
  node = call (f, "GET", "/v1/orders/" ORDER_MISSING, &status);
  assert_error (node, status, 404, "ORDER_NOT_FOUND");

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_pointer (&node, json_node_unref);
      node = call (f, "GET", bad[i], &status);
      assert_error (node, status, 400, "INVALID_REQUEST");
    }
}

/* ------------------------------------------------------------------------ */
/* The assignment change                                                     */

#define EC(domain, va) "\"endCustomer\": {\"domain\": \"" domain "\", \"virtualAccount\": \"" va "\"}"
#define HOLD(domain, va) "\"holding\": {\"domain\": \"" domain "\", \"virtualAccount\": \"" va "\"}"
#define TERMS "\"termsAccepted\": true"

static void
assert_assignment (JsonObject *order,
                   const char *slot,
                   const char *domain,
                   const char *name,
                   const char *status,
                   const char *va)
{
  JsonObject *a;

  if (domain == NULL)
    {
      g_assert_true (json_object_get_null_member (order, slot));
      return;
    }
  a = json_object_get_object_member (order, slot);
  g_assert_nonnull (a);
  g_assert_cmpstr (json_object_get_string_member (a, "domain"), ==, domain);
  g_assert_cmpstr (json_object_get_string_member (a, "name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (a, "type"), ==,
                   g_str_equal (slot, "holding") ? "HOLDING" : "CUSTOMER");
  g_assert_cmpstr (json_object_get_string_member (a, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (a, "virtualAccount"), ==, va);
}

static void
test_assign_success (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) put2 = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) after2 = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *etag = NULL;
  const char *json = "{" EC ("acme-industrie.fr", "Production") ", " TERMS "}";
  JsonObject *order;
  guint status;

  body = g_bytes_new (json, strlen (json));
  put = call_full (sa_sandbox_thread_get_uri (f->sandbox), f->session, "PUT",
                   "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment",
                   f->token, "\"1\"", "application/json", body, &status, &etag);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (etag, ==, "\"2\"");
  order = json_node_get_object (put);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 2);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "Production");
  assert_assignment (order, "holding", NULL, NULL, NULL, NULL);

  order = get_order (f, ORDER_UNASSIGNED, &after);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 2);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "Production");

  /* the holding slot alone: the End Customer slot stays as it is */
  put2 = put_assignment (f, ORDER_UNASSIGNED, "\"2\"",
                         "{" HOLD ("northwind-networks.example", "Stock") ", \"endCustomer\": null, " TERMS "}",
                         &status);
  g_assert_cmpuint (status, ==, 200);
  order = get_order (f, ORDER_UNASSIGNED, &after2);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 3);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "Production");
  assert_assignment (order, "holding", "northwind-networks.example", "Northwind Networks Holding",
                     "ACTIVE", "Stock");
}

/* Procedure 2: move an order from the Holding account to the End Customer's. */
static void
test_assign_from_holding (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *order;
  guint status;

  order = get_order (f, ORDER_HOLDING_ONLY, &before);
  assert_assignment (order, "endCustomer", NULL, NULL, NULL, NULL);
  assert_assignment (order, "holding", "northwind-networks.example", "Northwind Networks Holding",
                     "ACTIVE", "DEFAULT");

  put = put_assignment (f, ORDER_HOLDING_ONLY, "\"2\"",
                        "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  order = get_order (f, ORDER_HOLDING_ONLY, &after);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "DEFAULT");
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 3);
}

static void
test_assign_pending (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) put_h = NULL;
  JsonObject *order;
  guint status;

  put = put_assignment (f, ORDER_UNASSIGNED_2, "\"1\"",
                        "{" EC ("boulangeries-delorme.example", "Magasins") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  order = get_order (f, ORDER_UNASSIGNED_2, &after);
  assert_assignment (order, "endCustomer", "boulangeries-delorme.example", "Boulangeries Delorme",
                     "PENDING", "Magasins");

  /* a Pending Holding account too */
  put_h = put_assignment (f, ORDER_UNASSIGNED_2, "\"2\"",
                          "{" HOLD ("alpes-distribution.example", "DEFAULT") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  assert_assignment (json_node_get_object (put_h), "holding", "alpes-distribution.example",
                     "Alpes Distribution Holding", "PENDING", "DEFAULT");
}

static void
test_assign_wrong_type (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *order;
  guint status;

  /* a CUSTOMER account in the Holding slot */
  a = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                      "{" HOLD ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", &status);
  assert_error (a, status, 422, "WRONG_ACCOUNT_TYPE");
  /* a HOLDING account in the End Customer slot */
  b = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                      "{" EC ("alpes-distribution.example", "DEFAULT") ", " TERMS "}", &status);
  assert_error (b, status, 422, "WRONG_ACCOUNT_TYPE");
  g_assert_cmpint (order_version (f, ORDER_UNASSIGNED), ==, 1);

  /* the shared domain: each slot takes the account of its own type */
  c = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                      "{" EC ("northwind-networks.example", "Demo Lab") ", "
                          HOLD ("northwind-networks.example", "Stock") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  order = get_order (f, ORDER_UNASSIGNED, &after);
  assert_assignment (order, "endCustomer", "northwind-networks.example", "Northwind Networks SARL",
                     "ACTIVE", "Demo Lab");
  assert_assignment (order, "holding", "northwind-networks.example", "Northwind Networks Holding",
                     "ACTIVE", "Stock");
}

static void
test_assign_virtual_account (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) after = NULL;
  guint status;

  /* the VA exists, but under another account */
  a = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                      "{" EC ("acme-industrie.fr", "東京オフィス") ", " TERMS "}", &status);
  assert_error (a, status, 422, "VIRTUAL_ACCOUNT_NOT_FOUND");
  b = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                      "{" EC ("acme-industrie.fr", "default") ", " TERMS "}", &status);
  assert_error (b, status, 422, "VIRTUAL_ACCOUNT_NOT_FOUND");
  g_assert_cmpint (order_version (f, ORDER_UNASSIGNED), ==, 1);

  /* the double-byte name works and comes back as it was */
  c = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                      "{" EC ("sakura-trading.example", "東京オフィス") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  assert_assignment (get_order (f, ORDER_UNASSIGNED, &after), "endCustomer", "sakura-trading.example", "Sakura Trading Europe", "ACTIVE",
                     "東京オフィス");
}

static void
test_assign_terms (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  guint status;

  a = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                      "{" EC ("acme-industrie.fr", "DEFAULT") ", \"termsAccepted\": false}", &status);
  assert_error (a, status, 422, "TERMS_NOT_ACCEPTED");
  b = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                      "{" EC ("acme-industrie.fr", "DEFAULT") "}", &status);
  assert_error (b, status, 422, "TERMS_NOT_ACCEPTED");
  g_assert_cmpint (order_version (f, ORDER_UNASSIGNED), ==, 1);
}

static void
test_assign_preconditions (Fixture       *f,
                           gconstpointer  data)
{
  const char *json = "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}";
  const char *stale[] = { "\"0\"", "\"2\"", "W/\"1\"", "*", "1", "\"1\", \"2\"", "garbage" };
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) ok = NULL;
  g_autoptr(JsonNode) replay = NULL;
  guint status, i;

  missing = put_assignment (f, ORDER_UNASSIGNED, NULL, json, &status);
  assert_error (missing, status, 428, "PRECONDITION_REQUIRED");

  for (i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autoptr(JsonNode) node = put_assignment (f, ORDER_UNASSIGNED, stale[i], json, &status);

      assert_error (node, status, 412, "VERSION_CONFLICT");
    }
  g_assert_cmpint (order_version (f, ORDER_UNASSIGNED), ==, 1);

  /* a lost update: the second writer still holding "1" is refused */
  ok = put_assignment (f, ORDER_UNASSIGNED, "\"1\"", json, &status);
  g_assert_cmpuint (status, ==, 200);
  replay = put_assignment (f, ORDER_UNASSIGNED, "\"1\"", json, &status);
  assert_error (replay, status, 412, "VERSION_CONFLICT");
  g_assert_cmpint (order_version (f, ORDER_UNASSIGNED), ==, 2);
}

static void
test_assign_shipped (Fixture       *f,
                     gconstpointer  data)
{
  const char *json = "{" EC ("kestrel-logistics.example", "DEFAULT") ", " TERMS "}";
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) d = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *order;
  guint status;

  a = put_assignment (f, ORDER_SHIPPED, "\"4\"", json, &status);
  assert_error (a, status, 409, "ORDER_SHIPPED");
  /* check order: If-Match before SHIPPED */
  b = put_assignment (f, ORDER_SHIPPED, "\"3\"", json, &status);
  assert_error (b, status, 412, "VERSION_CONFLICT");
  c = put_assignment (f, ORDER_SHIPPED, NULL, json, &status);
  assert_error (c, status, 428, "PRECONDITION_REQUIRED");
  /* SHIPPED before terms and accounts */
  d = put_assignment (f, ORDER_SHIPPED, "\"4\"",
                      "{" HOLD ("acme-industrie.fr", "nope") ", \"termsAccepted\": false}", &status);
  assert_error (d, status, 409, "ORDER_SHIPPED");

  order = get_order (f, ORDER_SHIPPED, &after);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 4);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "Production");
}

static void
test_assign_not_found (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) d = NULL;
  g_autoptr(JsonNode) e = NULL;
  guint status;

  a = put_assignment (f, ORDER_MISSING, "\"1\"", "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", &status);
  assert_error (a, status, 404, "ORDER_NOT_FOUND");
  /* order before If-Match */
  b = put_assignment (f, ORDER_MISSING, NULL, "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", &status);
  assert_error (b, status, 404, "ORDER_NOT_FOUND");
  /* access before If-Match */
  c = put_assignment (f, ORDER_OTHER_PARTNER, NULL, "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", &status);
  assert_error (c, status, 403, "NOT_AUTHORIZED");
  d = put_assignment (f, ORDER_OTHER_PARTNER, "\"1\"", "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", &status);
  assert_error (d, status, 403, "NOT_AUTHORIZED");
  e = put_assignment (f, ORDER_UNASSIGNED, "\"1\"", "{" EC ("nobody-here.example", "DEFAULT") ", " TERMS "}", &status);
  assert_error (e, status, 404, "SMART_ACCOUNT_NOT_FOUND");
  g_assert_cmpint (order_version (f, ORDER_UNASSIGNED), ==, 1);
}

static void
test_assign_check_order (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) d = NULL;
  g_autoptr(JsonNode) e = NULL;
  guint status;

  /* body (400) before order (404) */
  a = put_assignment (f, ORDER_MISSING, NULL, "{\"termsAccepted\": \"yes\"}", &status);
  assert_error (a, status, 400, "INVALID_REQUEST");
  /* If-Match (412) before terms (422) */
  b = put_assignment (f, ORDER_UNASSIGNED, "\"7\"", "{" EC ("acme-industrie.fr", "DEFAULT") "}", &status);
  assert_error (b, status, 412, "VERSION_CONFLICT");
  /* terms (422 TERMS) before accounts (404) */
  c = put_assignment (f, ORDER_UNASSIGNED, "\"1\"", "{" EC ("nobody-here.example", "DEFAULT") "}", &status);
  assert_error (c, status, 422, "TERMS_NOT_ACCEPTED");
  /* account type before Virtual Account */
  d = put_assignment (f, ORDER_UNASSIGNED, "\"1\"", "{" HOLD ("acme-industrie.fr", "nope") ", " TERMS "}", &status);
  assert_error (d, status, 422, "WRONG_ACCOUNT_TYPE");
  /* a good End Customer does not rescue a bad Holding: nothing changes */
  e = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                      "{" EC ("acme-industrie.fr", "DEFAULT") ", " HOLD ("northwind-networks.example", "Lab") ", " TERMS "}",
                      &status);
  assert_error (e, status, 422, "VIRTUAL_ACCOUNT_NOT_FOUND");
  g_assert_cmpint (order_version (f, ORDER_UNASSIGNED), ==, 1);
}

static void
test_ship_and_reset (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) shipped = NULL;
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) put_ok = NULL;
  g_autoptr(JsonNode) reset = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) other = NULL;
  JsonObject *order;
  guint status;

  put_ok = put_assignment (f, ORDER_ASSIGNED, "\"3\"", "{" HOLD ("northwind-networks.example", "DEFAULT") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);

  shipped = call (f, "POST", "/sandbox/orders/" ORDER_UNASSIGNED "/ship", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shipped), "status"), ==, "SHIPPED");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (shipped), "version"), ==, 2);

  put = put_assignment (f, ORDER_UNASSIGNED, "\"2\"", "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", &status);
  assert_error (put, status, 409, "ORDER_SHIPPED");

  other = call (f, "POST", "/sandbox/orders/" ORDER_OTHER_PARTNER "/ship", &status);
  assert_error (other, status, 403, "NOT_AUTHORIZED");

  reset = call (f, "POST", "/sandbox/reset", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reset), "status"), ==, "OK");

  order = get_order (f, ORDER_UNASSIGNED, &after);
  g_assert_cmpstr (json_object_get_string_member (order, "status"), ==, "BOOKED");
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 1);
  g_assert_cmpint (order_version (f, ORDER_ASSIGNED), ==, 3);
  g_assert_cmpint (order_count (f), ==, N_VISIBLE_ORDERS);
}

/* ------------------------------------------------------------------------ */
/* Smart Accounts                                                            */

static JsonArray *
search_accounts (Fixture    *f,
                 const char *query,
                 JsonNode  **holder)
{
  g_autofree char *path = g_strconcat ("/v1/accounts/search?", query, NULL);
  JsonObject *object;
  guint status;

  *holder = call (f, "GET", path, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (*holder);
  if (strstr (query, "limit=") == NULL)
    g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==,
                     json_array_get_length (json_object_get_array_member (object, "accounts")));

  return json_object_get_array_member (object, "accounts");
}

static void
test_account_search (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) d = NULL;
  g_autoptr(JsonNode) e = NULL;
  g_autoptr(JsonNode) g = NULL;
  g_autoptr(JsonNode) h = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *accounts;
  JsonObject *account;
  const char *bad[] = {
    "/v1/accounts/search", "/v1/accounts/search?domain=acme&name=acme",
    "/v1/accounts/search?domain=acme&type=PARTNER", "/v1/accounts/search?domain=",
    "/v1/accounts/search?name=acme&limit=0",
  };
  guint status, i;

  accounts = search_accounts (f, "domain=northwind-networks", &a);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  accounts = search_accounts (f, "domain=NORTHWIND-networks.example&type=HOLDING", &b);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  account = json_array_get_object_element (accounts, 0);
  g_assert_cmpstr (json_object_get_string_member (account, "type"), ==, "HOLDING");
  g_assert_cmpstr (json_object_get_string_member (account, "name"), ==, "Northwind Networks Holding");
  g_assert_nonnull (json_object_get_string_member (account, "id"));
  g_assert_nonnull (json_object_get_string_member (account, "email"));

  accounts = search_accounts (f, "name=ferrovie", &c);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "domain"), ==,
                   "ferrovie-toscane.example");

  /* Unicode case folding */
  accounts = search_accounts (f, "name=H%C3%94TEL", &d);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "name"), ==,
                   "Hôtel Belle Rive");

  accounts = search_accounts (f, "email=dsi%40boulangeries", &e);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 0), "status"), ==,
                   "PENDING");

  accounts = search_accounts (f, "name=nothing-like-this", &g);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 0);
  accounts = search_accounts (f, "domain=example&type=CUSTOMER&limit=2", &h);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (h), "totalRecords"), >, 2);

  /* the data: >= 10 accounts, ACTIVE and PENDING, CUSTOMER and HOLDING */
  accounts = search_accounts (f, "domain=.&limit=100", &all);
  g_assert_cmpuint (json_array_get_length (accounts), >=, 10);
  for (i = 0; i < json_array_get_length (accounts); i++)
    {
      account = json_array_get_object_element (accounts, i);
      g_hash_table_add (kinds, g_strdup (json_object_get_string_member (account, "type")));
      g_hash_table_add (kinds, g_strdup (json_object_get_string_member (account, "status")));
    }
  g_assert_true (g_hash_table_contains (kinds, "CUSTOMER"));
  g_assert_true (g_hash_table_contains (kinds, "HOLDING"));
  g_assert_true (g_hash_table_contains (kinds, "ACTIVE"));
  g_assert_true (g_hash_table_contains (kinds, "PENDING"));

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = call (f, "GET", bad[i], &status);

      g_test_message ("%s", bad[i]);
      assert_error (node, status, 400, "INVALID_REQUEST");
    }
}

static void
test_virtual_accounts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *vas;
  JsonObject *first;
  gboolean japanese = FALSE;
  guint status, i;

  node = call (f, "GET", "/v1/accounts/sakura-trading.example/CUSTOMER/virtual-accounts", &status);
  g_assert_cmpuint (status, ==, 200);
  vas = json_object_get_array_member (json_node_get_object (node), "virtualAccounts");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "totalRecords"), ==,
                   json_array_get_length (vas));
  g_assert_cmpuint (json_array_get_length (vas), >=, 2);
  first = json_array_get_object_element (vas, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "DEFAULT");
  g_assert_true (json_object_get_boolean_member (first, "isDefault"));
  g_assert_nonnull (json_object_get_string_member (first, "description"));
  for (i = 1; i < json_array_get_length (vas); i++)
    {
      JsonObject *va = json_array_get_object_element (vas, i);

      g_assert_false (json_object_get_boolean_member (va, "isDefault"));
      japanese |= g_strcmp0 (json_object_get_string_member (va, "name"), "東京オフィス") == 0;
    }
  g_assert_true (japanese);

  /* the shared domain: the type picks the account */
  g_clear_pointer (&node, json_node_unref);
  node = call (f, "GET", "/v1/accounts/northwind-networks.example/HOLDING/virtual-accounts", &status);
  g_assert_cmpuint (status, ==, 200);
  vas = json_object_get_array_member (json_node_get_object (node), "virtualAccounts");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (vas, 1), "name"), ==, "Stock");

  g_clear_pointer (&node, json_node_unref);
  node = call (f, "GET", "/v1/accounts/acme-industrie.fr/HOLDING/virtual-accounts", &status);
  assert_error (node, status, 404, "SMART_ACCOUNT_NOT_FOUND");
  g_clear_pointer (&node, json_node_unref);
  node = call (f, "GET", "/v1/accounts/nobody-here.example/CUSTOMER/virtual-accounts", &status);
  assert_error (node, status, 404, "SMART_ACCOUNT_NOT_FOUND");
  g_clear_pointer (&node, json_node_unref);
  node = call (f, "GET", "/v1/accounts/acme-industrie.fr/PARTNER/virtual-accounts", &status);
  assert_error (node, status, 400, "INVALID_REQUEST");
  g_clear_pointer (&node, json_node_unref);
  node = call (f, "GET", "/v1/accounts/acme'%20OR%201=1/CUSTOMER/virtual-accounts", &status);
  assert_error (node, status, 400, "INVALID_REQUEST");
}

static void
test_routing (Fixture       *f,
              gconstpointer  data)
{
  const char *unknown[] = { "/", "/v1", "/v2/orders", "/v1/orders/", "/v1/orders/104857601/x",
                            "/etc/passwd", "/v1/accounts", "/sandbox" };
  g_autoptr(JsonNode) node = NULL;
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(JsonNode) n = call (f, "GET", unknown[i], &status);

      assert_error (n, status, 404, "NOT_FOUND");
    }

  node = call (f, "DELETE", "/v1/orders/" ORDER_UNASSIGNED, &status);
  assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
  g_clear_pointer (&node, json_node_unref);
  node = call (f, "POST", "/v1/orders", &status);
  assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
  g_clear_pointer (&node, json_node_unref);
  node = call (f, "GET", "/sandbox/reset", &status);
  assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
  g_clear_pointer (&node, json_node_unref);
  node = call (f, "GET", "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment", &status);
  assert_error (node, status, 405, "METHOD_NOT_ALLOWED");
  g_assert_cmpint (order_count (f), ==, N_VISIBLE_ORDERS);
}

/* ------------------------------------------------------------------------ */
/* Hostile input                                                             */

static void
assert_intact (Fixture *f)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) accounts = NULL;
  JsonObject *order;

  g_assert_cmpint (order_count (f), ==, N_VISIBLE_ORDERS);
  order = get_order (f, ORDER_UNASSIGNED, &node);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 1);
  g_assert_true (json_object_get_null_member (order, "endCustomer"));
  g_assert_true (json_object_get_null_member (order, "holding"));
  g_assert_cmpuint (json_array_get_length (search_accounts (f, "domain=.&limit=100", &accounts)), ==, N_VISIBLE_ACCOUNTS);
}

static void
test_hostile_bodies (Fixture       *f,
                     gconstpointer  data)
{
  const char *bodies[] = {
    "", "{", "}", "null", "[]", "\"text\"", "42", "{\"endCustomer\": }",
    "{} {}", "{\"termsAccepted\": true}",
    "{\"endCustomer\": null, \"holding\": null, " TERMS "}",
    "{" EC ("acme-industrie.fr", "DEFAULT") ", \"termsAccepted\": \"yes\"}",
    "{" EC ("acme-industrie.fr", "DEFAULT") ", \"termsAccepted\": 1}",
    "{" EC ("acme-industrie.fr", "DEFAULT") ", \"termsAccepted\": null}",
    "{\"endCustomer\": {\"domain\": 42, \"virtualAccount\": \"DEFAULT\"}, " TERMS "}",
    "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": [\"DEFAULT\"]}, " TERMS "}",
    "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\"}, " TERMS "}",
    "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": \"DEFAULT\", \"type\": \"HOLDING\"}, " TERMS "}",
    "{\"endCustomer\": \"acme-industrie.fr\", " TERMS "}",
    "{\"endCustomer\": [], " TERMS "}",
    "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS ", \"version\": 7}",
    "{" EC ("acme-industrie.fr'; DROP TABLE orders;--", "DEFAULT") ", " TERMS "}",
    "{" EC ("acme-industrie.fr", "") ", " TERMS "}",
    "{" EC ("", "DEFAULT") ", " TERMS "}",
    "{" EC ("acme-industrie.fr", "DEF\\u0000AULT") ", " TERMS "}",
    "{" EC ("acme-industrie.fr", "DEF\\nAULT") ", " TERMS "}",
    "{" EC ("acme\\u0000.fr", "DEFAULT") ", " TERMS "}",
    "{" EC ("../../etc/passwd", "DEFAULT") ", " TERMS "}",
    "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": \"DEFAULT\"}, \"termsAccepted\": true,}",
    "{'endCustomer': {'domain': 'acme-industrie.fr'}}",
  };
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(JsonNode) node = put_assignment (f, ORDER_UNASSIGNED, "\"1\"", bodies[i], &status);

      g_test_message ("body: %s", bodies[i]);
      assert_error (node, status, 400, "INVALID_REQUEST");
    }

  /* SQL-like text in a valid place is just text that matches nothing */
  {
    g_autoptr(JsonNode) node = put_assignment (f, ORDER_UNASSIGNED, "\"1\"",
                                               "{" EC ("acme-industrie.fr", "DEFAULT' OR '1'='1") ", " TERMS "}",
                                               &status);
    assert_error (node, status, 422, "VIRTUAL_ACCOUNT_NOT_FOUND");
  }

  assert_intact (f);
}

static void
test_hostile_bytes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("{\"endCustomer\": ");
  g_autoptr(GString) huge = g_string_new ("{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": \"");
  g_autoptr(GString) big_form = g_string_new ("grant_type=password&username=trainee&password=training&pad=");
  const char invalid_utf8[] = "{\"endCustomer\": {\"domain\": \"acme-industrie.fr\", \"virtualAccount\": \"\xff\xfe\"}, \"termsAccepted\": true}";
  const char with_nul[] = "{\"termsAccepted\": true,\0 \"endCustomer\": null}";
  guint status, i;

  for (i = 0; i < 60000; i++)
    g_string_append_c (deep, '[');
  for (i = 0; i < 200 * 1024; i++)
    g_string_append_c (huge, 'A');
  g_string_append (huge, "\"}, \"termsAccepted\": true}");
  for (i = 0; i < 100 * 1024; i++)
    g_string_append_c (big_form, 'x');

  {
    g_autoptr(JsonNode) node = put_assignment (f, ORDER_UNASSIGNED, "\"1\"", deep->str, &status);
    assert_error (node, status, 400, "INVALID_REQUEST");
  }
  {
    g_autoptr(JsonNode) node = put_assignment (f, ORDER_UNASSIGNED, "\"1\"", huge->str, &status);
    assert_error (node, status, 400, "INVALID_REQUEST");
  }
  {
    g_autoptr(JsonNode) node = put_assignment (f, ORDER_UNASSIGNED, "\"1\"", invalid_utf8, &status);
    assert_error (node, status, 400, "INVALID_REQUEST");
  }
  {
    g_autoptr(GBytes) body = g_bytes_new (with_nul, sizeof with_nul - 1);
    g_autoptr(JsonNode) node = call_full (sa_sandbox_thread_get_uri (f->sandbox), f->session, "PUT",
                                          "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment",
                                          f->token, "\"1\"", "application/json", body, &status, NULL);
    assert_error (node, status, 400, "INVALID_REQUEST");
  }
  {
    g_autoptr(GBytes) body = g_bytes_new (big_form->str, big_form->len);
    g_autoptr(JsonNode) node = call_full (sa_sandbox_thread_get_uri (f->sandbox), f->session, "POST",
                                          "/oauth2/token", NULL, NULL,
                                          "application/x-www-form-urlencoded", body, &status, NULL);
    g_assert_cmpuint (status, ==, 400);
  }
  {
    /* chunked: no Content-Length announces the size */
    g_autoptr(GString) raw = g_string_new (NULL);

    g_string_append_printf (raw,
                            "PUT /v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment HTTP/1.1\r\n"
                            "Host: 127.0.0.1\r\nAuthorization: Bearer %s\r\nIf-Match: \"1\"\r\n"
                            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                            "Connection: close\r\n\r\n", f->token);
    for (i = 0; i < 20; i++)
      {
        g_string_append_printf (raw, "%x\r\n", 8192);
        g_string_append_len (raw, huge->str + 100, 8192);
        g_string_append (raw, "\r\n");
      }
    g_string_append (raw, "0\r\n\r\n");
    g_assert_cmpuint (raw_request (f, raw->str, raw->len), ==, 400);
  }

  assert_intact (f);
}

static void
test_hostile_urls (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) long_value = g_string_new ("/v1/orders?searchBy=purchaseOrderNumber&value=");
  const char *bad_paths[] = {
    "/v1/orders/%00", "/v1/orders/104857601%00", "/v1/orders/%ff%fe", "/v1/orders/%zz",
    "/v1/orders/..%2f..%2fetc%2fpasswd", "/v1/orders/%2e%2e", "/v1/orders/1%2f2",
    "/v1/orders?searchBy=salesOrderNumber&value=1048%00", "/v1/orders?searchBy=purchaseOrderNumber&value=%ff",
    "/v1/orders?searchBy=purchase%00OrderNumber&value=PO", "/v1/accounts/search?name=%c3%28",
    "/v1/accounts/search?name=%zz", "/v1/accounts/search?name=a%0Ab",
    "/v1/accounts/acme-industrie.fr%00/CUSTOMER/virtual-accounts",
    "/v1/accounts/%e6%9d%b1/CUSTOMER/virtual-accounts",
  };
  const char *harmless[] = {
    "/v1/orders?searchBy=purchaseOrderNumber&value=%27%3B%20DROP%20TABLE%20orders%3B--",
    "/v1/orders?searchBy=webOrderId&value=%27%20OR%20%271%27%3D%271",
    "/v1/accounts/search?name=%27%3B%20DELETE%20FROM%20smart_accounts%3B--",
    "/v1/accounts/search?email=%25",
    "/v1/accounts/search?domain=_",
  };
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (bad_paths); i++)
    {
      guint code = raw_get (f, bad_paths[i]);

      g_test_message ("%s → %u", bad_paths[i], code);
      g_assert_cmpuint (code, >=, 400);
      g_assert_cmpuint (code, <, 500);
    }

  /* SQL-like values are text like any other: no match, no harm */
  for (i = 0; i < G_N_ELEMENTS (harmless); i++)
    {
      g_autoptr(JsonNode) node = call (f, "GET", harmless[i], &status);
      JsonObject *object = json_node_get_object (node);

      g_assert_cmpuint (status, ==, 200);
      g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==, 0);
    }

  for (i = 0; i < 20000; i++)
    g_string_append_c (long_value, 'A');
  {
    g_autoptr(JsonNode) node = call (f, "GET", long_value->str, &status);
    assert_error (node, status, 400, "INVALID_REQUEST");
  }
  {
    g_autoptr(JsonNode) node = call (f, "GET", "/v1/orders?searchBy=purchaseOrderNumber&value="
                                     "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                                     "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &status);
    assert_error (node, status, 400, "INVALID_REQUEST");
  }

  /* raw invalid UTF-8 and control bytes in the request line */
  {
    const char raw[] = "GET /v1/orders/\xff\xfe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    guint code = raw_request (f, raw, sizeof raw - 1);

    g_assert_cmpuint (code, >=, 400);
    g_assert_cmpuint (code, <, 500);
  }
  {
    const char raw[] = "GARBAGE\r\n\r\n";
    guint code = raw_request (f, raw, sizeof raw - 1);

    g_assert_true (code == 0 || (code >= 400 && code < 500));
  }

  assert_intact (f);
}

/* ------------------------------------------------------------------------ */
/* Threads, persistence, the executable                                      */

static void
test_two_sandboxes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir1 = g_dir_make_tmp ("sa-sandbox-test-XXXXXX", &error);
  g_autofree char *dir2 = g_dir_make_tmp ("sa-sandbox-test-XXXXXX", &error);
  Fixture f1 = { 0 }, f2 = { 0 };
  g_autoptr(JsonNode) put = NULL;
  guint status;

  f1.dir = g_steal_pointer (&dir1);
  f2.dir = g_steal_pointer (&dir2);
  f1.sandbox = sa_sandbox_thread_start (f1.dir, &error);
  g_assert_no_error (error);
  f2.sandbox = sa_sandbox_thread_start (f2.dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_sandbox_thread_get_uri (f1.sandbox), !=, sa_sandbox_thread_get_uri (f2.sandbox));
  f1.session = new_session ();
  f2.session = new_session ();
  f1.token = sign_in (sa_sandbox_thread_get_uri (f1.sandbox), f1.session);
  f2.token = sign_in (sa_sandbox_thread_get_uri (f2.sandbox), f2.session);

  put = put_assignment (&f1, ORDER_UNASSIGNED, "\"1\"", "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (order_version (&f1, ORDER_UNASSIGNED), ==, 2);
  g_assert_cmpint (order_version (&f2, ORDER_UNASSIGNED), ==, 1);

  /* a token of one server means nothing to the other */
  {
    g_autoptr(JsonNode) node = call_full (sa_sandbox_thread_get_uri (f2.sandbox), f2.session, "GET",
                                          "/v1/profile", f1.token, NULL, NULL, NULL, &status, NULL);
    assert_error (node, status, 401, "UNAUTHENTICATED");
  }

  /* stop is idempotent, and the data persist: no reload on the second start */
  sa_sandbox_thread_stop (f1.sandbox);
  sa_sandbox_thread_stop (f1.sandbox);
  g_clear_object (&f1.sandbox);
  g_clear_pointer (&f1.token, g_free);
  f1.sandbox = sa_sandbox_thread_start (f1.dir, &error);
  g_assert_no_error (error);
  f1.token = sign_in (sa_sandbox_thread_get_uri (f1.sandbox), f1.session);
  g_assert_cmpint (order_version (&f1, ORDER_UNASSIGNED), ==, 2);

  fixture_tear_down (&f1, NULL);
  fixture_tear_down (&f2, NULL);
}

static void
on_started (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SaSandboxThread **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sa_sandbox_thread_start_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_start_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sa-sandbox-test-XXXXXX", &error);
  Fixture f = { 0 };

  f.dir = g_steal_pointer (&dir);
  sa_sandbox_thread_start_async (f.dir, NULL, on_started, &f.sandbox);
  while (f.sandbox == NULL)
    g_main_context_iteration (NULL, TRUE);

  f.session = new_session ();
  f.token = sign_in (sa_sandbox_thread_get_uri (f.sandbox), f.session);
  g_assert_cmpint (order_count (&f), ==, N_VISIBLE_ORDERS);

  fixture_tear_down (&f, NULL);
}

static void
test_start_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sa-sandbox-test-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, "not-a-dir", NULL);
  g_autoptr(SaSandboxThread) sandbox = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  sandbox = sa_sandbox_thread_start (file, &error);
  g_assert_null (sandbox);
  g_assert_nonnull (error);
  remove_tree (dir);
}

/* Token expiry: a server with 1-second tokens, in a thread of its own. */
typedef struct
{
  char            *dir;
  SaSandboxServer *server;
  char            *uri;
  GMainLoop       *loop;
  GMutex           mutex;
  GCond            cond;
} ExpiryServer;

static gpointer
expiry_thread (gpointer data)
{
  ExpiryServer *es = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (context);
  es->server = sa_sandbox_server_new (es->dir, &error);
  g_assert_no_error (error);
  sa_sandbox_server_set_token_lifetime (es->server, 1);
  g_assert_true (sa_sandbox_server_listen (es->server, "127.0.0.1", 0, &error));
  es->loop = g_main_loop_new (context, FALSE);

  g_mutex_lock (&es->mutex);
  es->uri = sa_sandbox_server_dup_uri (es->server);
  g_cond_signal (&es->cond);
  g_mutex_unlock (&es->mutex);

  g_main_loop_run (es->loop);
  g_clear_object (&es->server);
  g_main_context_pop_thread_default (context);

  return NULL;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static void
test_token_expires (void)
{
  ExpiryServer es = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = new_session ();
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) expiry = NULL;
  g_autofree char *token = NULL;
  GThread *thread;
  guint status;

  es.dir = g_dir_make_tmp ("sa-sandbox-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_mutex_init (&es.mutex);
  g_cond_init (&es.cond);
  thread = g_thread_new ("expiry", expiry_thread, &es);
  g_mutex_lock (&es.mutex);
  while (es.uri == NULL)
    g_cond_wait (&es.cond, &es.mutex);
  g_mutex_unlock (&es.mutex);

  {
    const char *form = "grant_type=password&username=trainee&password=training";
    g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));

    expiry = call_full (es.uri, session, "POST", "/oauth2/token", NULL, NULL,
                        "application/x-www-form-urlencoded", body, &status, NULL);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (expiry), "expires_in"), ==, 1);
    token = g_strdup (json_object_get_string_member (json_node_get_object (expiry), "access_token"));
  }

  before = call_full (es.uri, session, "GET", "/v1/profile", token, NULL, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_usleep (1200 * 1000);
  after = call_full (es.uri, session, "GET", "/v1/profile", token, NULL, NULL, NULL, &status, NULL);
  assert_error (after, status, 401, "UNAUTHENTICATED");

  g_main_context_invoke (g_main_loop_get_context (es.loop), quit_cb, es.loop);
  g_thread_join (thread);
  g_main_loop_unref (es.loop);
  g_free (es.uri);
  g_mutex_clear (&es.mutex);
  g_cond_clear (&es.cond);
  remove_tree (es.dir);
  g_free (es.dir);
}

static void
test_executable (void)
{
  const char *exe = g_getenv ("SA_SANDBOX_EXE");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(SoupSession) session = new_session ();
  g_autoptr(JsonNode) profile = NULL;
  g_autofree char *base = NULL;
  g_autofree char *token = NULL;
  g_autofree char *port = NULL;
  guint status;

  if (exe == NULL)
    {
      g_test_skip ("SA_SANDBOX_EXE is not set");
      return;
    }

  dir = g_dir_make_tmp ("sa-sandbox-test-XXXXXX", &error);
  g_assert_no_error (error);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              exe, "--listen", "127.0.0.1:0", "--data", dir, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  regex = g_regex_new ("^Listening on (http://127\\.0\\.0\\.1:([0-9]+)/)$", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, line, 0, &match));
  base = g_match_info_fetch (match, 1);
  port = g_match_info_fetch (match, 2);
  g_assert_cmpint (g_ascii_strtoll (port, NULL, 10), >, 0);

  token = sign_in (base, session);
  profile = call_full (base, session, "GET", "/v1/profile", token, NULL, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (profile), "username"), ==, "trainee");

  db = g_build_filename (dir, "sandbox.sqlite", NULL);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  remove_tree (dir);
}

static void
test_executable_bad_listen (void)
{
  const char *exe = g_getenv ("SA_SANDBOX_EXE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;

  if (exe == NULL)
    {
      g_test_skip ("SA_SANDBOX_EXE is not set");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, exe, "--listen", "localhost", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sandbox/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("auth/token", test_token);
  ADD ("auth/unauthenticated", test_unauthenticated);
  g_test_add_func ("/sandbox/auth/token-expires", test_token_expires);
  ADD ("profile", test_profile);
  ADD ("orders/list-and-paging", test_orders_list);
  ADD ("orders/search", test_orders_search);
  ADD ("orders/get", test_order_get);
  ADD ("assign/success", test_assign_success);
  ADD ("assign/from-holding", test_assign_from_holding);
  ADD ("assign/pending-account", test_assign_pending);
  ADD ("assign/wrong-account-type", test_assign_wrong_type);
  ADD ("assign/virtual-account", test_assign_virtual_account);
  ADD ("assign/terms", test_assign_terms);
  ADD ("assign/preconditions", test_assign_preconditions);
  ADD ("assign/shipped", test_assign_shipped);
  ADD ("assign/not-found-and-forbidden", test_assign_not_found);
  ADD ("assign/check-order", test_assign_check_order);
  ADD ("sandbox/ship-and-reset", test_ship_and_reset);
  ADD ("accounts/search", test_account_search);
  ADD ("accounts/virtual-accounts", test_virtual_accounts);
  ADD ("routing", test_routing);
  ADD ("hostile/json-bodies", test_hostile_bodies);
  ADD ("hostile/bytes-and-sizes", test_hostile_bytes);
  ADD ("hostile/urls", test_hostile_urls);
  g_test_add_func ("/sandbox/thread/two-at-once-and-persistence", test_two_sandboxes);
  g_test_add_func ("/sandbox/thread/start-async", test_start_async);
  g_test_add_func ("/sandbox/thread/start-failure", test_start_failure);
  g_test_add_func ("/sandbox/executable/listen-request-sigterm", test_executable);
  g_test_add_func ("/sandbox/executable/bad-listen", test_executable_bad_listen);

  return g_test_run ();
}
