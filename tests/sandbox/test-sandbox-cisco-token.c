/* test-sandbox-cisco-token.c — the sandbox's Cisco token endpoint over
 * loopback: client_credentials as the user (CISCO-APIS.md §1.1, §6.1), its
 * errors, the token's identity (each trainee's own data), the separation of
 * Desk and Cisco tokens, and the token lifetime the controls set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sandbox-cisco-test-util.h"
#include "sa-sandbox-server.h"

static void
test_token (SbtFixture    *f,
            gconstpointer  data)
{
  g_auto(SctReply) reply = { 0 };
  JsonObject *object;

  sct_token_reply (f, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply.headers, NULL), ==, "application/json");
  object = json_node_get_object (reply.json);
  g_assert_cmpuint (json_object_get_size (object), ==, 3);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "access_token")), >=, 32);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==, 3599);
}

static void
test_token_refused (SbtFixture    *f,
                    gconstpointer  data)
{
  static const struct
  {
    const char *body;
    guint       status;
    const char *error;
  } cases[] = {
    { "grant_type=client_credentials&client_id=trainee&client_secret=wrong", 401, "invalid_client" },
    { "grant_type=client_credentials&client_id=nobody&client_secret=training", 401, "invalid_client" },
    { "grant_type=client_credentials&client_id=trainee", 401, "invalid_client" },
    { "grant_type=client_credentials&client_secret=training", 401, "invalid_client" },
    { "grant_type=client_credentials&client_id=&client_secret=training", 401, "invalid_client" },
    { "client_id=trainee&client_secret=training", 400, "invalid_request" },
    { "grant_type=password&username=trainee&password=training", 400, "unsupported_grant_type" },
    { "grant_type=authorization_code&client_id=trainee&client_secret=training", 400, "unsupported_grant_type" },
    { "", 400, "invalid_request" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SctReply) reply = { 0 };

      g_test_message ("%s", cases[i].body);
      sct_request (f, NULL, "POST", CISCO_TOKEN, "application/x-www-form-urlencoded", cases[i].body, &reply);
      g_assert_cmpuint (reply.status, ==, cases[i].status);
      g_assert_cmpstr (sbt_get_string (reply.json, "error"), ==, cases[i].error);
      g_assert_nonnull (sbt_get_string (reply.json, "error_description"));
      g_assert_null (sbt_get_string (reply.json, "access_token"));
    }

  /* Not UTF-8, and GET */
  {
    g_auto(SctReply) reply = { 0 };

    sct_request (f, NULL, "POST", CISCO_TOKEN, "application/x-www-form-urlencoded",
                 "grant_type=client_credentials&client_id=\xff", &reply);
    g_assert_cmpuint (reply.status, ==, 400);
    sct_request (f, NULL, "GET", CISCO_TOKEN, NULL, NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 405);
  }
}

/* The Cisco token works on Cisco's paths only, the Desk token on the Desk
 * API only; an unknown token is Cisco's 401 invalid_token. */
static void
test_token_kinds (SbtFixture    *f,
                  gconstpointer  data)
{
  g_autofree char *cisco = sct_sign_in (f);
  g_auto(SctReply) reply = { 0 };

  sct_get (f, cisco, SAL "/v2/accounts", &reply);
  g_assert_cmpuint (reply.status, ==, 200);

  sct_get (f, f->token, SAL "/v2/accounts", &reply);
  g_assert_cmpuint (reply.status, ==, 401);
  g_assert_cmpstr (sbt_get_string (reply.json, "error"), ==, "invalid_token");
  g_assert_nonnull (soup_message_headers_get_one (reply.headers, "WWW-Authenticate"));
  sct_get (f, NULL, SAL "/v2/accounts", &reply);
  g_assert_cmpuint (reply.status, ==, 401);
  sct_get (f, "not-a-token", SAL "/v1/accounts/search?domain=acme", &reply);
  g_assert_cmpuint (reply.status, ==, 401);
  sct_check_order (f, f->token, ORDER_UNASSIGNED, &reply);
  g_assert_cmpuint (reply.status, ==, 401);

  sct_get (f, cisco, "/v1/orders", &reply);
  g_assert_cmpuint (reply.status, ==, 401);
  g_assert_cmpstr (sbt_get_string (reply.json, "code"), ==, "UNAUTHENTICATED");
  sct_get (f, cisco, "/sandbox/cisco-faults", &reply);
  g_assert_cmpuint (reply.status, ==, 401);
}

/* A trainee's token reads their own copy of the data: what one ships is
 * not shipped for another. */
static void
test_token_identity (SbtFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(SaSandboxServer) trainer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipped = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *path = g_strdup_printf ("/sandbox/orders/%s/ship", ORDER_ASSIGNED);
  guint status;

  /* the trainer's command, on the same database */
  trainer = sa_sandbox_server_new (f->dir, &error);
  g_assert_no_error (error);
  g_assert_true (sa_sandbox_server_add_trainee (trainer, "lucia", "Lucia-s3cret-pw", &error));
  g_assert_no_error (error);

  shipped = sbt_fixture_call (f, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  mine = sct_sign_in (f);
  theirs = sct_token (f, "lucia", "Lucia-s3cret-pw");
  g_assert_cmpint (sct_order_quantity (f, mine, DOMAIN_ACME, ORDER_ASSIGNED, NULL), ==, 150);
  g_assert_cmpint (sct_order_quantity (f, theirs, DOMAIN_ACME, ORDER_ASSIGNED, NULL), ==, 0);

  {
    g_auto(SctReply) reply = { 0 };

    sct_token_reply (f, "lucia", SA_SANDBOX_TRAINING_PASSWORD, &reply);
    g_assert_cmpuint (reply.status, ==, 401);
  }

  /* a removed trainee's Cisco token stops working at once */
  g_assert_true (sa_sandbox_server_remove_trainee (trainer, "lucia", &error));
  g_assert_no_error (error);
  {
    g_auto(SctReply) reply = { 0 };

    sct_get (f, theirs, SAL "/v2/accounts", &reply);
    g_assert_cmpuint (reply.status, ==, 401);
  }
}

static void
test_token_lifetime (SbtFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) state = NULL;
  g_autofree char *token = NULL;
  g_auto(SctReply) reply = { 0 };
  guint status;

  state = sbt_fixture_call (f, "PUT", "/sandbox/cisco-faults", "{\"tokenLifetime\": 1}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (state), "tokenLifetime"), ==, 1);

  sct_token_reply (f, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD, &reply);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (reply.json), "expires_in"), ==, 1);
  token = g_strdup (sbt_get_string (reply.json, "access_token"));
  sct_get (f, token, SAL "/v2/accounts", &reply);
  g_assert_cmpuint (reply.status, ==, 200);

  g_usleep (1100 * 1000);
  sct_get (f, token, SAL "/v2/accounts", &reply);
  g_assert_cmpuint (reply.status, ==, 401);
  g_assert_cmpstr (sbt_get_string (reply.json, "error"), ==, "invalid_token");

  /* DELETE brings Cisco's lifetime back */
  g_clear_pointer (&state, json_node_unref);
  state = sbt_fixture_call (f, "DELETE", "/sandbox/cisco-faults", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  sct_token_reply (f, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD, &reply);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (reply.json), "expires_in"), ==, 3599);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("cisco/token", test_token);
  SBT_ADD ("cisco/token/refused", test_token_refused);
  SBT_ADD ("cisco/token/kinds", test_token_kinds);
  SBT_ADD ("cisco/token/identity", test_token_identity);
  SBT_ADD ("cisco/token/lifetime", test_token_lifetime);

  return g_test_run ();
}
