/* test-sandbox-auth.c — sign-in to the sandbox over loopback:
 * POST /oauth2/token, the bearer token of every signed-in call, token expiry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sa-sandbox-server.h"
#include "sandbox-test-util.h"

#define NO_TOKEN ""

static JsonNode *
post_token (SbtFixture *f,
            const char *form,
            guint      *status)
{
  g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));

  return sbt_request (f->session, f->base, NULL, "POST", "/oauth2/token", NULL,
                      "application/x-www-form-urlencoded", body, status, NULL);
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
test_token (SbtFixture    *f,
            gconstpointer  data)
{
  static const struct
  {
    const char *form;
    const char *error;
  } refused[] = {
    { "grant_type=password&username=trainee&password=wrong", "invalid_grant" },
    { "grant_type=password&username=nobody&password=training", "invalid_grant" },
    { "grant_type=password&username=trainee'--&password=x' OR '1'='1", "invalid_grant" },
    { "grant_type=client_secret&username=trainee&password=training", "unsupported_grant_type" },
    { "username=trainee&password=training", "invalid_request" },
    { "grant_type=password&username=trainee", "invalid_request" },
  };
  g_autoptr(JsonNode) ok = NULL;
  JsonObject *object;
  guint status, i;

  ok = post_token (f, "grant_type=password&username=trainee&password=training", &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (ok);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==, 3600);
  /* 32 random bytes, base64url: 43 characters, and a new one every time */
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "access_token")), ==, 43);
  g_assert_cmpstr (json_object_get_string_member (object, "access_token"), !=, f->token);

  for (i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(JsonNode) node = post_token (f, refused[i].form, &status);

      g_test_message ("%s", refused[i].form);
      assert_oauth_error (node, status, refused[i].error);
    }

  sbt_assert_refused (f, "GET", "/oauth2/token", NULL, 405, "METHOD_NOT_ALLOWED");
}

/* Issue 13: the form is decoded strictly, and every refusal is OAuth's
 * shape. */
static void
test_token_form (SbtFixture    *f,
                 gconstpointer  data)
{
  static const char *const refused[] = {
    /* a %00 no longer cuts the password short */
    "grant_type=password&username=trainee&password=training%00x",
    /* parameters must not repeat (RFC 6749 §3.1) */
    "grant_type=password&username=nobody&username=trainee&password=training",
    "grant_type=password&grant_type=password&username=trainee&password=training",
    /* not UTF-8 once decoded; a malformed escape */
    "grant_type=password&username=trainee&password=%ff%fe",
    "grant_type=password&username=trainee&password=%zz",
  };
  g_autofree char *long_body = NULL;
  guint status, i;

  for (i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(JsonNode) node = post_token (f, refused[i], &status);

      g_test_message ("%s", refused[i]);
      assert_oauth_error (node, status, "invalid_request");
    }

  /* over 64 KiB, and raw bytes that are not UTF-8: OAuth's shape too */
  long_body = g_strnfill (70 * 1024, 'a');
  {
    g_autoptr(JsonNode) node = post_token (f, long_body, &status);

    assert_oauth_error (node, status, "invalid_request");
  }
  {
    g_autoptr(JsonNode) node = post_token (f, "grant_type=password&username=\xff", &status);

    assert_oauth_error (node, status, "invalid_request");
  }

  /* the right form still signs in */
  {
    g_autoptr(JsonNode) node = post_token (f, "grant_type=password&username=trainee&password=training", &status);

    g_assert_cmpuint (status, ==, 200);
  }
}

/* Issue 13: repeated failures slow down per user name, known or not, with
 * the same answer for both. */
static void
test_token_throttled (SbtFixture    *f,
                      gconstpointer  data)
{
  const char *names[] = { "trainee", "nobody-at-all" };
  guint status, i, n;

  for (n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *wrong = g_strdup_printf ("grant_type=password&username=%s&password=wrong", names[n]);
      g_autoptr(SoupMessageHeaders) headers = NULL;
      g_autoptr(GBytes) body = g_bytes_new (wrong, strlen (wrong));
      g_autoptr(JsonNode) locked = NULL;
      JsonObject *object;
      guint64 retry_after = 0;

      for (i = 0; i < 5; i++)
        {
          g_autoptr(JsonNode) node = post_token (f, wrong, &status);

          assert_oauth_error (node, status, "invalid_grant");
        }

      locked = sbt_request (f->session, f->base, NULL, "POST", "/oauth2/token", NULL,
                            "application/x-www-form-urlencoded", body, &status, &headers);
      /* the 6th is still checked, and locks the name */
      assert_oauth_error (locked, status, "invalid_grant");
      g_clear_pointer (&locked, json_node_unref);
      g_clear_pointer (&headers, soup_message_headers_unref);

      /* the 7th comes while locked: 429, Retry-After, the same words for
       * a known and an unknown name */
      locked = sbt_request (f->session, f->base, NULL, "POST", "/oauth2/token", NULL,
                            "application/x-www-form-urlencoded", body, &status, &headers);
      g_assert_cmpuint (status, ==, 429);
      object = json_node_get_object (locked);
      g_assert_cmpstr (json_object_get_string_member (object, "error"), ==, "slow_down");
      g_assert_cmpstr (json_object_get_string_member (object, "error_description"), ==,
                       "Too many failed sign-ins: try again later");
      g_assert_true (g_ascii_string_to_unsigned (soup_message_headers_get_one (headers, "Retry-After"),
                                                 10, 1, 60, &retry_after, NULL));
    }
}

static void
test_unauthenticated (SbtFixture    *f,
                      gconstpointer  data)
{
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
          g_autoptr(JsonNode) node = sbt_call (f->session, f->base, tokens[i], "GET", paths[j], NULL,
                                               &status, NULL);

          sbt_assert_error (node, status, 401, "UNAUTHENTICATED");
        }

      put = sbt_request (f->session, f->base, tokens[i], "PUT",
                         "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment", "\"1\"",
                         "application/json", body, &status, NULL);
      sbt_assert_error (put, status, 401, "UNAUTHENTICATED");
      reset = sbt_call (f->session, f->base, tokens[i], "POST", "/sandbox/reset", NULL, &status, NULL);
      sbt_assert_error (reset, status, 401, "UNAUTHENTICATED");
    }

  /* nothing changed */
  g_assert_cmpint (sbt_order_version (f, ORDER_UNASSIGNED), ==, 1);
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
  g_autoptr(SoupSession) session = sbt_new_session ();
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) expiry = NULL;
  g_autofree char *token = NULL;
  GThread *thread;
  guint status;

  es.dir = sbt_make_dir ();
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

    expiry = sbt_request (session, es.uri, NULL, "POST", "/oauth2/token", NULL,
                          "application/x-www-form-urlencoded", body, &status, NULL);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (expiry), "expires_in"), ==, 1);
    token = g_strdup (json_object_get_string_member (json_node_get_object (expiry), "access_token"));
  }

  before = sbt_call (session, es.uri, token, "GET", "/v1/profile", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_usleep (1200 * 1000);
  after = sbt_call (session, es.uri, token, "GET", "/v1/profile", NULL, &status, NULL);
  sbt_assert_error (after, status, 401, "UNAUTHENTICATED");

  g_main_context_invoke (g_main_loop_get_context (es.loop), quit_cb, es.loop);
  g_thread_join (thread);
  g_main_loop_unref (es.loop);
  g_free (es.uri);
  g_mutex_clear (&es.mutex);
  g_cond_clear (&es.cond);
  sbt_remove_tree (es.dir);
  g_free (es.dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("auth/token", test_token);
  SBT_ADD ("auth/unauthenticated", test_unauthenticated);
  SBT_ADD ("auth/token-form", test_token_form);
  SBT_ADD ("auth/token-throttled", test_token_throttled);
  g_test_add_func ("/sandbox/auth/token-expires", test_token_expires);

  return g_test_run ();
}
