/* test-sandbox-trainees.c — a training class on one sandbox: each trainee's
 * own copy of the data, twenty clients at once, the trainer's commands and
 * token lifetime, over loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "sa-sandbox-server.h"
#include "sa-sandbox-thread.h"
#include "sandbox-test-util.h"

#define ORDER            "104857601"   /* BOOKED, unassigned, version 1 */
#define N_CLIENTS        20
#define N_CHANGES        5
#define N_SAME_TENANT    4

/* Adds trainees NAME with password "NAME-password" before a server starts. */
static void
add_trainees (const char         *dir,
              const char * const *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSandboxServer) server = sa_sandbox_server_new (dir, &error);
  guint i;

  g_assert_no_error (error);
  for (i = 0; names[i] != NULL; i++)
    {
      g_autofree char *password = g_strconcat (names[i], "-password", NULL);

      sa_sandbox_server_add_trainee (server, names[i], password, &error);
      g_assert_no_error (error);
    }
}

static char *
sign_in_as (SoupSession *session,
            const char  *base,
            const char  *name)
{
  g_autofree char *password = g_strconcat (name, "-password", NULL);
  guint status;
  char *token = sbt_sign_in (session, base, name, password, &status);

  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (token);

  return token;
}

/* The order's version, and its End Customer domain (or NULL) in @domain. */
static gint64
get_order (SoupSession *session,
           const char  *base,
           const char  *token,
           char       **domain)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *order, *ec;
  guint status;

  node = sbt_call (session, base, token, "GET", "/v1/orders/" ORDER, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  order = json_node_get_object (node);
  if (domain != NULL)
    {
      ec = json_object_get_null_member (order, "endCustomer") ? NULL
           : json_object_get_object_member (order, "endCustomer");
      *domain = ec != NULL ? g_strdup (json_object_get_string_member (ec, "domain")) : NULL;
    }

  return json_object_get_int_member (order, "version");
}

/* PUTs the End Customer @domain with If-Match @version; the HTTP status. */
static guint
put_end_customer (SoupSession *session,
                  const char  *base,
                  const char  *token,
                  const char  *domain,
                  gint64       version)
{
  g_autofree char *uri = g_strconcat (base, "v1/orders/" ORDER "/smart-account-assignment", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("PUT", uri);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
  g_autofree char *json = g_strdup_printf ("{\"endCustomer\": {\"domain\": \"%s\", \"virtualAccount\": \"DEFAULT\"},"
                                           " \"termsAccepted\": true}", domain);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "If-Match", etag);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);

  return soup_message_get_status (msg);
}

static guint
count (SoupSession *session,
       const char  *base,
       const char  *token,
       const char  *path,
       const char  *member)
{
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = sbt_call (session, base, token, "GET", path, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);

  return json_array_get_length (json_object_get_array_member (json_node_get_object (node), member));
}

/* ------------------------------------------------------------------------ */

static void
test_isolation (void)
{
  const char *names[] = { "anna", "bruno", NULL };
  g_autofree char *dir = sbt_make_dir ();
  g_autoptr(SaSandboxThread) sandbox = NULL;
  g_autoptr(SoupSession) session = sbt_new_session ();
  g_autoptr(GError) error = NULL;
  g_autofree char *anna = NULL;
  g_autofree char *bruno = NULL;
  g_autofree char *trainee = NULL;
  const char *base;
  guint status;

  add_trainees (dir, names);
  sandbox = sa_sandbox_thread_start (dir, &error);
  g_assert_no_error (error);
  base = sa_sandbox_thread_get_uri (sandbox);

  anna = sign_in_as (session, base, "anna");
  bruno = sign_in_as (session, base, "bruno");
  {
    guint s;
    g_autofree char *t = sbt_sign_in (session, base, "trainee", "training", &s);

    g_assert_cmpuint (s, ==, 200);
    trainee = g_steal_pointer (&t);
  }
  /* a trainee's password is their own */
  {
    g_autofree char *wrong = sbt_sign_in (session, base, "anna", "bruno-password", &status);

    g_assert_null (wrong);
    g_assert_cmpuint (status, ==, 400);
  }

  /* the profile is theirs */
  {
    g_autoptr(JsonNode) profile = sbt_call (session, base, anna, "GET", "/v1/profile", NULL, &status, NULL);

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (sbt_get_string (profile, "username"), ==, "anna");
    g_assert_cmpstr (sbt_get_string (profile, "email"), ==, "anna@northwind-networks.example");
  }

  /* the same order number, changed by each in their own data */
  g_assert_cmpint (get_order (session, base, anna, NULL), ==, 1);
  g_assert_cmpint (get_order (session, base, bruno, NULL), ==, 1);
  g_assert_cmpuint (put_end_customer (session, base, anna, "acme-industrie.fr", 1), ==, 200);
  {
    g_autofree char *domain = NULL;

    g_assert_cmpint (get_order (session, base, bruno, &domain), ==, 1);
    g_assert_null (domain);
  }
  g_assert_cmpuint (put_end_customer (session, base, bruno, "ferrovie-toscane.example", 1), ==, 200);
  {
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    g_autofree char *t = NULL;

    g_assert_cmpint (get_order (session, base, anna, &a), ==, 2);
    g_assert_cmpstr (a, ==, "acme-industrie.fr");
    g_assert_cmpint (get_order (session, base, bruno, &b), ==, 2);
    g_assert_cmpstr (b, ==, "ferrovie-toscane.example");
    g_assert_cmpint (get_order (session, base, trainee, &t), ==, 1);
    g_assert_null (t);
  }

  /* requests, accounts and clock are per trainee too */
  {
    const char *request = "{\"accountName\": \"Trattoria\", \"customerEmail\": \"m@trattoria.example\","
                          " \"accountDomain\": \"trattoria.example\"}";
    g_autoptr(JsonNode) a = sbt_call (session, base, anna, "POST", "/v1/account-requests", request, &status, NULL);
    g_autoptr(JsonNode) b = NULL;
    g_autoptr(JsonNode) clock = NULL;
    g_autoptr(JsonNode) bruno_clock = NULL;

    g_assert_cmpuint (status, ==, 201);
    g_assert_cmpuint (count (session, base, anna, "/v1/account-requests", "accountRequests"), ==, 4);
    g_assert_cmpuint (count (session, base, bruno, "/v1/account-requests", "accountRequests"), ==, 3);
    g_assert_cmpuint (count (session, base, bruno, "/v1/accounts/search?domain=trattoria", "accounts"), ==, 0);
    /* not taken in bruno's data */
    b = sbt_call (session, base, bruno, "POST", "/v1/account-requests", request, &status, NULL);
    g_assert_cmpuint (status, ==, 201);

    clock = sbt_call (session, base, anna, "POST", "/sandbox/clock", "{\"advanceDays\": 100}", &status, NULL);
    g_assert_cmpuint (status, ==, 200);
    bruno_clock = sbt_call (session, base, bruno, "GET", "/sandbox/clock", NULL, &status, NULL);
    g_assert_cmpstr (sbt_get_string (bruno_clock, "now"), <, sbt_get_string (clock, "now"));
  }

  /* anna's reset leaves bruno's work alone */
  {
    g_autoptr(JsonNode) reset = sbt_call (session, base, anna, "POST", "/sandbox/reset", NULL, &status, NULL);
    g_autofree char *b = NULL;

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpint (get_order (session, base, anna, NULL), ==, 1);
    g_assert_cmpint (get_order (session, base, bruno, &b), ==, 2);
    g_assert_cmpstr (b, ==, "ferrovie-toscane.example");
    g_assert_cmpuint (count (session, base, bruno, "/v1/account-requests", "accountRequests"), ==, 4);
  }

  g_clear_object (&sandbox);
  sbt_remove_tree (dir);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  const char *base;
  char        name[32];
  guint       changes_made;
  guint       conflicts;
  GMutex     *mutex;
  GCond      *cond;
  gboolean   *go;
} Client;

static void
wait_for_go (Client *client)
{
  g_mutex_lock (client->mutex);
  while (!*client->go)
    g_cond_wait (client->cond, client->mutex);
  g_mutex_unlock (client->mutex);
}

/* One trainee: signs in, makes N_CHANGES changes of the order (alternating
 * accounts) with the version read just before, and one account request. */
static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  g_autoptr(SoupSession) session = sbt_new_session ();
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autofree char *body = NULL;
  guint i, status;

  wait_for_go (client);
  token = sign_in_as (session, client->base, client->name);
  for (i = 0; i < N_CHANGES; i++)
    {
      gint64 version = get_order (session, client->base, token, NULL);

      g_assert_cmpuint (put_end_customer (session, client->base, token,
                                          i % 2 ? "ferrovie-toscane.example" : "acme-industrie.fr",
                                          version), ==, 200);
      client->changes_made++;
    }
  body = g_strdup_printf ("{\"accountName\": \"Client of %s\", \"customerEmail\": \"it@%s.example\","
                          " \"accountDomain\": \"%s.example\"}", client->name, client->name, client->name);
  request = sbt_call (session, client->base, token, "POST", "/v1/account-requests", body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);

  return NULL;
}

/* Several clients of one trainee on the same order: a stale version gets 412
 * and the client reads again; every change goes through exactly once. */
static gpointer
same_tenant_thread (gpointer data)
{
  Client *client = data;
  g_autoptr(SoupSession) session = sbt_new_session ();
  g_autofree char *token = NULL;
  guint attempts = 0;

  wait_for_go (client);
  {
    guint status;

    token = sbt_sign_in (session, client->base, "trainee", "training", &status);
    g_assert_cmpuint (status, ==, 200);
  }
  while (client->changes_made < N_CHANGES)
    {
      gint64 version = get_order (session, client->base, token, NULL);
      guint status;

      g_assert_cmpuint (++attempts, <, 200);
      status = put_end_customer (session, client->base, token, "kestrel-logistics.example", version);
      if (status == 200)
        client->changes_made++;
      else
        {
          g_assert_cmpuint (status, ==, 412);
          client->conflicts++;
        }
    }

  return NULL;
}

static void
test_concurrent (void)
{
  g_autofree char *dir = sbt_make_dir ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SaSandboxThread) sandbox = NULL;
  g_autoptr(SoupSession) session = sbt_new_session ();
  g_autoptr(GError) error = NULL;
  Client clients[N_CLIENTS + N_SAME_TENANT];
  GThread *threads[N_CLIENTS + N_SAME_TENANT];
  GMutex mutex;
  GCond cond;
  gboolean go = FALSE;
  gint64 start;
  guint i, conflicts = 0;

  for (i = 0; i < N_CLIENTS; i++)
    g_ptr_array_add (names, g_strdup_printf ("trainee%02u", i));
  g_ptr_array_add (names, NULL);
  add_trainees (dir, (const char * const *) names->pdata);

  sandbox = sa_sandbox_thread_start (dir, &error);
  g_assert_no_error (error);

  g_mutex_init (&mutex);
  g_cond_init (&cond);
  memset (clients, 0, sizeof clients);
  for (i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      clients[i].base = sa_sandbox_thread_get_uri (sandbox);
      clients[i].mutex = &mutex;
      clients[i].cond = &cond;
      clients[i].go = &go;
      if (i < N_CLIENTS)
        g_strlcpy (clients[i].name, names->pdata[i], sizeof clients[i].name);
      threads[i] = g_thread_new ("client", i < N_CLIENTS ? client_thread : same_tenant_thread, &clients[i]);
    }

  start = g_get_monotonic_time ();
  g_mutex_lock (&mutex);
  go = TRUE;
  g_cond_broadcast (&cond);
  g_mutex_unlock (&mutex);
  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_test_message ("%u clients, %u changes each: %.2f s", (guint) G_N_ELEMENTS (clients), N_CHANGES,
                  (g_get_monotonic_time () - start) / 1e6);

  /* every change kept, each in its own data */
  for (i = 0; i < N_CLIENTS; i++)
    {
      g_autofree char *token = sign_in_as (session, clients[i].base, clients[i].name);
      g_autofree char *domain = NULL;
      g_autofree char *search = g_strdup_printf ("/v1/accounts/search?domain=%s.example", clients[i].name);

      g_assert_cmpuint (clients[i].changes_made, ==, N_CHANGES);
      g_assert_cmpint (get_order (session, clients[i].base, token, &domain), ==, 1 + N_CHANGES);
      g_assert_cmpstr (domain, ==, (N_CHANGES - 1) % 2 ? "ferrovie-toscane.example" : "acme-industrie.fr");
      g_assert_cmpuint (count (session, clients[i].base, token, "/v1/account-requests", "accountRequests"), ==, 4);
      /* the other trainees' requests are not in this one's data */
      g_assert_cmpuint (count (session, clients[i].base, token, "/v1/accounts/search?domain=trainee", "accounts"),
                        ==, 1);
      g_assert_cmpuint (count (session, clients[i].base, token, search, "accounts"), ==, 1);
    }
  {
    guint s;
    g_autofree char *token = sbt_sign_in (session, sa_sandbox_thread_get_uri (sandbox), "trainee", "training", &s);

    for (i = N_CLIENTS; i < G_N_ELEMENTS (clients); i++)
      {
        g_assert_cmpuint (clients[i].changes_made, ==, N_CHANGES);
        conflicts += clients[i].conflicts;
      }
    g_test_message ("same trainee, %u clients: %u conflicts answered 412 and retried", N_SAME_TENANT, conflicts);
    g_assert_cmpint (get_order (session, sa_sandbox_thread_get_uri (sandbox), token, NULL), ==,
                     1 + N_SAME_TENANT * N_CHANGES);
  }

  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
  g_clear_object (&sandbox);
  sbt_remove_tree (dir);
}

/* ------------------------------------------------------------------------ */
/* The trainer's commands, on the built executable                           */

/* Runs the executable with @args; returns the exit status, stdout in @out. */
static int
run_exe (const char  *stdin_text,
         char       **out,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("SA_SANDBOX_EXE"));
  va_start (ap, out);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text != NULL ? stdin_text : "", NULL,
                                 &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (stderr_text != NULL && *stderr_text != '\0')
    g_test_message ("stderr: %s", stderr_text);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);

  return g_subprocess_get_exit_status (process);
}

static gboolean
list_has (const char *dir,
          const char *name)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_exe (NULL, &out, "--data", dir, "trainee", "list", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);

  return g_strv_contains ((const char * const *) lines, name);
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *generated = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = sbt_new_session ();
  g_autofree char *base = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint status;

  if (g_getenv ("SA_SANDBOX_EXE") == NULL)
    {
      g_test_skip ("SA_SANDBOX_EXE is not set");
      return;
    }
  dir = sbt_make_dir ();

  /* add: the password from stdin, never from argv */
  g_assert_cmpint (run_exe ("carla-secret-1\n", &out, "--data", dir, "trainee", "add", "carla", NULL), ==, 0);
  g_assert_null (strstr (out, "carla-secret-1"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_exe ("other-password\n", NULL, "--data", dir, "trainee", "add", "carla", NULL), !=, 0);
  g_assert_cmpint (run_exe ("some-password\n", NULL, "--data", dir, "trainee", "add", "Bad Name", NULL), !=, 0);
  g_assert_cmpint (run_exe ("short\n", NULL, "--data", dir, "trainee", "add", "dora", NULL), !=, 0);
  g_assert_cmpint (run_exe (NULL, NULL, "--data", dir, "trainee", "remove", "nobody", NULL), !=, 0);
  g_assert_cmpint (run_exe (NULL, NULL, "--data", dir, "trainee", "frobnicate", "x", NULL), !=, 0);
  g_assert_cmpint (run_exe (NULL, NULL, "--data", dir, "trainee", NULL), !=, 0);
  /* empty stdin: a password is made and shown once */
  g_assert_cmpint (run_exe ("", &out, "--data", dir, "trainee", "add", "emil", NULL), ==, 0);
  regex = g_regex_new ("password \\(shown once\\): ([A-Za-z0-9]{16})", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, out, 0, &match));
  generated = g_match_info_fetch (match, 1);
  g_clear_pointer (&match, g_match_info_unref);
  g_clear_pointer (&regex, g_regex_unref);

  g_assert_true (list_has (dir, "carla"));
  g_assert_true (list_has (dir, "emil"));
  g_assert_true (list_has (dir, "trainee"));
  g_assert_false (list_has (dir, "dora"));

  /* the server, with short-lived tokens */
  server = sbt_spawn_server (&base, "--listen", "127.0.0.1:0", "--data", dir, "--token-lifetime", "2", NULL);
  regex = g_regex_new ("^http://127\\.0\\.0\\.1:[0-9]+/$", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, base, 0, NULL));

  {
    g_autofree char *emil = sbt_sign_in (session, base, "emil", generated, &status);

    g_assert_cmpuint (status, ==, 200);
  }

  /* sign in as carla; the token says and keeps its lifetime */
  {
    g_autofree char *uri = g_strconcat (base, "oauth2/token", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
    const char *form = "grant_type=password&username=carla&password=carla-secret-1";
    g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));
    g_autoptr(GBytes) answer = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *object;

    soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
    answer = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                               (gssize) g_bytes_get_size (answer), NULL));
    object = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==, 2);
    token = g_strdup (json_object_get_string_member (object, "access_token"));
  }
  g_assert_cmpint (get_order (session, base, token, NULL), ==, 1);
  g_assert_cmpuint (put_end_customer (session, base, token, "acme-industrie.fr", 1), ==, 200);
  g_assert_cmpint (get_order (session, base, token, NULL), ==, 2);

  /* reset while the server runs */
  g_assert_cmpint (run_exe (NULL, NULL, "--data", dir, "trainee", "reset", "carla", NULL), ==, 0);
  g_assert_cmpint (get_order (session, base, token, NULL), ==, 1);

  /* the token expires (bounded wait) */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (TRUE)
      {
        g_autoptr(JsonNode) node = sbt_call (session, base, token, "GET", "/v1/profile", NULL, &status, NULL);

        if (status == 401)
          {
            sbt_assert_error (node, status, 401, "UNAUTHENTICATED");
            break;
          }
        g_assert_cmpuint (status, ==, 200);
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_usleep (100 * 1000);
      }
  }
  g_clear_pointer (&token, g_free);
  token = sbt_sign_in (session, base, "carla", "carla-secret-1", &status);
  g_assert_cmpuint (status, ==, 200);

  /* add while the server runs: usable at once */
  g_assert_cmpint (run_exe ("fabio-password\n", NULL, "--data", dir, "trainee", "add", "fabio", NULL), ==, 0);
  {
    g_autofree char *fabio = sign_in_as (session, base, "fabio");

    g_assert_cmpint (get_order (session, base, fabio, NULL), ==, 1);
  }

  /* remove: the token stops working, sign-in is refused */
  g_assert_cmpint (run_exe (NULL, NULL, "--data", dir, "trainee", "remove", "carla", NULL), ==, 0);
  {
    g_autoptr(JsonNode) node = sbt_call (session, base, token, "GET", "/v1/profile", NULL, &status, NULL);
    g_autofree char *again = NULL;

    sbt_assert_error (node, status, 401, "UNAUTHENTICATED");
    again = sbt_sign_in (session, base, "carla", "carla-secret-1", &status);
    g_assert_null (again);
    g_assert_cmpuint (status, ==, 400);
  }
  g_assert_false (list_has (dir, "carla"));
  g_assert_true (list_has (dir, "fabio"));

  /* added back under the same name (issue 13): her old token stays dead,
   * on this server too (the command ran in another process); a new
   * sign-in works */
  g_assert_cmpint (run_exe ("carla-secret-2\n", NULL, "--data", dir, "trainee", "add", "carla", NULL), ==, 0);
  {
    g_autoptr(JsonNode) node = sbt_call (session, base, token, "GET", "/v1/profile", NULL, &status, NULL);
    g_autofree char *fresh = NULL;

    sbt_assert_error (node, status, 401, "UNAUTHENTICATED");
    fresh = sbt_sign_in (session, base, "carla", "carla-secret-2", &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpint (get_order (session, base, fresh, NULL), ==, 1);

    /* removed again while signed in: that token dies too */
    g_assert_cmpint (run_exe (NULL, NULL, "--data", dir, "trainee", "remove", "carla", NULL), ==, 0);
    g_assert_cmpint (run_exe ("carla-secret-2\n", NULL, "--data", dir, "trainee", "add", "carla", NULL), ==, 0);
    g_clear_pointer (&node, json_node_unref);
    node = sbt_call (session, base, fresh, "GET", "/v1/profile", NULL, &status, NULL);
    sbt_assert_error (node, status, 401, "UNAUTHENTICATED");
  }

  sbt_stop_server (server);

  /* the passwords are not stored in clear (the database file, after the
   * server's clean exit has checkpointed its write-ahead log) */
  {
    g_autofree char *db = g_build_filename (dir, "sandbox.sqlite", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (db, &contents, &length, NULL));
    /* memmem: the file holds NUL bytes */
    g_assert_null (memmem (contents, length, "fabio-password", strlen ("fabio-password")));
    g_assert_nonnull (memmem (contents, length, "$y$", 3));
  }

  sbt_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox-trainees/isolation", test_isolation);
  g_test_add_func ("/sandbox-trainees/twenty-concurrent-clients", test_concurrent);
  g_test_add_func ("/sandbox-trainees/cli-and-token-lifetime", test_cli);

  return g_test_run ();
}
