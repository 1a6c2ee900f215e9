/* test-sandbox-readers.c — requests at once: reads in worker threads
 * (sa-sandbox-readers.c) answer what one at a time answers; writes stay
 * serialised, and the ETag rules hold under 32 concurrent writers; clients
 * that give up do no harm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "sandbox-test-util.h"

#define N_WRITERS 32

typedef struct
{
  guint       pending;
  GPtrArray  *statuses;  /* GUINT_TO_POINTER */
  GPtrArray  *bodies;    /* GBytes */
} Batch;

typedef struct
{
  Batch *batch;
  guint  index;
} Call;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Call *call = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  GBytes *body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  g_assert_no_error (error);
  call->batch->statuses->pdata[call->index] = GUINT_TO_POINTER (soup_message_get_status (msg));
  call->batch->bodies->pdata[call->index] = body;
  call->batch->pending--;
  g_free (call);
}

static SoupSession *
new_wide_session (void)
{
  return g_object_new (SOUP_TYPE_SESSION, "proxy-resolver", NULL, "timeout", 60, "idle-timeout", 60,
                       "max-conns", 128, "max-conns-per-host", 64, NULL);
}

/* Sends every message of @msgs at once, waits for all the answers. */
static void
send_batch (SoupSession *session,
            GPtrArray   *msgs,
            Batch       *batch)
{
  guint i;

  batch->pending = msgs->len;
  batch->statuses = g_ptr_array_new ();
  batch->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_ptr_array_set_size (batch->statuses, msgs->len);
  g_ptr_array_set_size (batch->bodies, msgs->len);
  for (i = 0; i < msgs->len; i++)
    {
      Call *call = g_new0 (Call, 1);

      call->batch = batch;
      call->index = i;
      soup_session_send_and_read_async (session, msgs->pdata[i], G_PRIORITY_DEFAULT, NULL, on_sent, call);
    }
  while (batch->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->statuses, g_ptr_array_unref);
  g_clear_pointer (&batch->bodies, g_ptr_array_unref);
}

static SoupMessage *
new_message (SbtFixture *f,
             const char *method,
             const char *path,
             const char *if_match,
             const char *json)
{
  g_autofree char *uri = g_strconcat (f->base, path + 1, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", f->token, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (if_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-Match", if_match);
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }

  return msg;
}

/* 32 writers with the same ETag at once: one change, 31 refusals (412);
 * then 32 writers each with the ETag of the version before theirs, in one
 * batch: exactly the one holding the current ETag wins each time. */
static void
test_concurrent_writers (SbtFixture    *f,
                         gconstpointer  data)
{
  g_autoptr(SoupSession) session = new_wide_session ();
  g_autoptr(GPtrArray) msgs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *etag = NULL;
  Batch batch = { 0 };
  gint64 version = sbt_order_version (f, ORDER_UNASSIGNED);
  guint i, ok = 0, conflicts = 0, round;

  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
  for (i = 0; i < N_WRITERS; i++)
    g_ptr_array_add (msgs, new_message (f, "PUT", "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment",
                                        etag,
                                        i % 2 == 0 ? "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}"
                                                   : "{" EC ("acme-industrie.fr", "Production") ", " TERMS "}"));
  send_batch (session, msgs, &batch);
  for (i = 0; i < N_WRITERS; i++)
    {
      guint status = GPOINTER_TO_UINT (batch.statuses->pdata[i]);

      ok += status == 200;
      conflicts += status == 412;
    }
  g_assert_cmpuint (ok, ==, 1);
  g_assert_cmpuint (conflicts, ==, N_WRITERS - 1);
  g_assert_cmpint (sbt_order_version (f, ORDER_UNASSIGNED), ==, version + 1);
  batch_clear (&batch);

  /* rounds: every writer retries with the version it last saw */
  version++;
  for (round = 0; round < 4; round++)
    {
      g_ptr_array_set_size (msgs, 0);
      for (i = 0; i < N_WRITERS; i++)
        {
          g_autofree char *e = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version - (gint64) (i % 3));

          g_ptr_array_add (msgs, new_message (f, "PUT", "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment",
                                              e, "{" HOLD ("northwind-networks.example", "DEFAULT") ", " TERMS "}"));
        }
      send_batch (session, msgs, &batch);
      ok = 0;
      for (i = 0; i < N_WRITERS; i++)
        {
          guint status = GPOINTER_TO_UINT (batch.statuses->pdata[i]);

          g_assert_true (status == 200 || status == 412);
          ok += status == 200;
        }
      g_assert_cmpuint (ok, ==, 1);
      version++;
      g_assert_cmpint (sbt_order_version (f, ORDER_UNASSIGNED), ==, version);
      batch_clear (&batch);
    }
}

/* 96 reads at once (list pages, searches, details, account searches) answer
 * exactly what each answers alone. */
static void
test_concurrent_reads (SbtFixture    *f,
                       gconstpointer  data)
{
  static const char *const paths[] = {
    "/v1/orders?limit=10", "/v1/orders?limit=5&offset=7", "/v1/orders?searchBy=purchaseOrderNumber&value=acme",
    "/v1/orders?searchBy=salesOrderNumber&value=1048576&match=prefix", "/v1/orders/" ORDER_ASSIGNED,
    "/v1/accounts/search?name=a", "/v1/accounts/search?domain=example&limit=3",
    "/v1/orders/" ORDER_OTHER_PARTNER, "/v1/orders/" ORDER_MISSING, "/v1/orders?limit=0",
    "/v1/orders?searchBy=webOrderId&value=wo", "/v1/profile",
  };
  g_autoptr(SoupSession) session = new_wide_session ();
  g_autoptr(GPtrArray) msgs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) alone = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  Batch batch = { 0 };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SoupMessage) msg = new_message (f, "GET", paths[i], NULL, NULL);

      g_ptr_array_add (alone, soup_session_send_and_read (session, msg, NULL, NULL));
    }
  for (i = 0; i < 8 * G_N_ELEMENTS (paths); i++)
    g_ptr_array_add (msgs, new_message (f, "GET", paths[i % G_N_ELEMENTS (paths)], NULL, NULL));
  send_batch (session, msgs, &batch);
  for (i = 0; i < msgs->len; i++)
    if (!g_bytes_equal (batch.bodies->pdata[i], alone->pdata[i % G_N_ELEMENTS (paths)]))
      g_error ("%s: another answer at once than alone", paths[i % G_N_ELEMENTS (paths)]);
  batch_clear (&batch);
}

/* Clients that send a read and go at once: the server goes on serving. */
static void
test_gone_clients (SbtFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(GUri) uri = g_uri_parse (f->base, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autofree char *request = g_strdup_printf ("GET /v1/orders?limit=100 HTTP/1.1\r\nHost: x\r\n"
                                              "Authorization: Bearer %s\r\n\r\n", f->token);
  guint i;

  for (i = 0; i < 40; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocketConnection) connection = NULL;

      connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                    (guint16) g_uri_get_port (uri), NULL, &error);
      g_assert_no_error (error);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                 request, strlen (request), NULL, NULL, &error);
      g_assert_no_error (error);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }

  g_assert_cmpint (sbt_order_count (f), ==, N_VISIBLE_ORDERS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("readers/concurrent-writers", test_concurrent_writers);
  SBT_ADD ("readers/concurrent-reads", test_concurrent_reads);
  SBT_ADD ("readers/gone-clients", test_gone_clients);

  return g_test_run ();
}
