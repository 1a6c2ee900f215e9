/* faulty-server.c — a hostile HTTP server double in a thread of its own
 *
 * The server has its own GMainContext and thread, so that it keeps writing
 * (an endless body, a trickle) while the client under test runs the default
 * main context of the test's thread, as the application would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "faulty-server.h"

#define CHUNK_SIZE (64 * 1024)

struct _FaultyServer
{
  Fault         fault;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  guint16       port;
  char         *uri;
  char         *other_uri;
  GMutex        lock;
  GCond         ready_cond;
  gboolean      ready;
  guint         requests;        /* atomic */
  guint         writes;          /* atomic */
};

/* 64 MiB of zeros, gzip-compressed (about 64 KiB), made once. */
static GBytes *
gzip_bomb (void)
{
  static GBytes *bomb;

  if (g_once_init_enter (&bomb))
    {
      g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
      g_autoptr(GByteArray) out = g_byte_array_new ();
      g_autofree guint8 *zeros = g_malloc0 (CHUNK_SIZE);
      guint8 buffer[CHUNK_SIZE];
      guint64 left = 64 * 1024 * 1024;
      gboolean done = FALSE;

      while (!done)
        {
          gsize read = 0, written = 0;
          gsize in_size = MIN (left, CHUNK_SIZE);
          GConverterResult result;

          result = g_converter_convert (G_CONVERTER (compressor), zeros, in_size,
                                        buffer, sizeof buffer,
                                        left == in_size ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &read, &written, NULL);
          g_assert_cmpint (result, !=, G_CONVERTER_ERROR);
          g_byte_array_append (out, buffer, written);
          left -= read;
          done = result == G_CONVERTER_FINISHED;
        }

      g_once_init_leave (&bomb, g_byte_array_free_to_bytes (g_steal_pointer (&out)));
    }

  return bomb;
}

/* Chunked answers: one more chunk each time one was written, until the
 * client goes away. */
static void
on_wrote_chunk (SoupServerMessage *msg,
                gpointer           user_data)
{
  FaultyServer *self = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (self->fault == FAULT_TRICKLE)
    return;

  {
    static char block[CHUNK_SIZE];

    memset (block, ' ', sizeof block);
    soup_message_body_append (body, SOUP_MEMORY_STATIC, block, sizeof block);
  }
}

typedef struct
{
  SoupServerMessage *msg;
  GSource           *source;
  gboolean           finished;
} Trickle;

static gboolean
on_trickle (gpointer user_data)
{
  Trickle *trickle = user_data;

  if (trickle->finished)
    return G_SOURCE_REMOVE;

  soup_message_body_append (soup_server_message_get_response_body (trickle->msg),
                            SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (trickle->msg);
  return G_SOURCE_CONTINUE;
}

static void
on_trickle_finished (SoupServerMessage *msg,
                     gpointer           user_data)
{
  Trickle *trickle = user_data;

  trickle->finished = TRUE;
}

static void
trickle_free (gpointer data)
{
  Trickle *trickle = data;

  if (trickle->source != NULL)
    {
      g_source_destroy (trickle->source);
      g_source_unref (trickle->source);
    }
  g_free (trickle);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  FaultyServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  g_atomic_int_inc (&self->requests);
  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    g_atomic_int_inc (&self->writes);

  switch (self->fault)
    {
    case FAULT_OK:
      {
        static const char token[] =
          "{\"access_token\": \"t0k3n\", \"token_type\": \"Bearer\", \"expires_in\": 3600}";
        static const char accounts[] = "{\"accounts\": [], \"totalRecords\": 0}";
        const char *json = g_str_equal (path, "/oauth2/token") ? token : accounts;

        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                          json, strlen (json));
        return;
      }

    case FAULT_DEEP_JSON:
      {
        const gsize levels = 200000;
        char *json = g_malloc (2 * levels);

        memset (json, '[', levels);
        memset (json + levels, ']', levels);
        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                          json, 2 * levels);
        return;
      }

    case FAULT_TRAILING_JSON:
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"a\":\"x\"}{}", 11);
      return;

    case FAULT_HUGE_LENGTH:
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_message_headers_set_content_length (headers, 300 * 1000 * 1000);
      /* A start only: the client must stop before reading on. */
      soup_message_body_append (soup_server_message_get_response_body (msg),
                                SOUP_MEMORY_STATIC, "[", 1);
      return;

    case FAULT_ENDLESS:
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      on_wrote_chunk (msg, self);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_wrote_chunk), self);
      return;

    case FAULT_GZIP_BOMB:
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (gzip_bomb (), NULL),
                                        g_bytes_get_size (gzip_bomb ()));
      return;

    case FAULT_REDIRECT_AWAY:
      {
        g_autofree char *location = g_strconcat (self->other_uri, path + 1, NULL);

        soup_server_message_set_redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, location);
        return;
      }

    case FAULT_REDIRECT_LOOP:
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, path);
      return;

    case FAULT_TRICKLE:
      {
        Trickle *trickle = g_new0 (Trickle, 1);

        trickle->msg = msg;
        soup_server_message_set_status (msg, 200, NULL);
        soup_message_headers_set_content_type (headers, "application/json", NULL);
        soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
        g_signal_connect (msg, "finished", G_CALLBACK (on_trickle_finished), trickle);
        g_object_set_data_full (G_OBJECT (msg), "faulty-trickle", trickle, trickle_free);
        /* in the server's own thread and context, as every libsoup call
         * on its messages must be */
        trickle->source = g_timeout_source_new (200);
        g_source_set_callback (trickle->source, on_trickle, trickle, NULL);
        g_source_attach (trickle->source, self->context);
        on_trickle (trickle);
        return;
      }

    default:
      g_assert_not_reached ();
    }
}

static gpointer
server_thread (gpointer data)
{
  FaultyServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->port = (guint16) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&self->lock);
  self->ready = TRUE;
  g_cond_signal (&self->ready_cond);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/**
 * faulty_server_new:
 * @fault: what every answer does wrong
 *
 * Returns: (transfer full): a server listening on 127.0.0.1 in its thread
 */
FaultyServer *
faulty_server_new (Fault fault)
{
  FaultyServer *self = g_new0 (FaultyServer, 1);

  self->fault = fault;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  g_mutex_init (&self->lock);
  g_cond_init (&self->ready_cond);

  self->thread = g_thread_new ("faulty-server", server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->ready_cond, &self->lock);
  g_mutex_unlock (&self->lock);

  self->uri = g_strdup_printf ("http://127.0.0.1:%u/", self->port);
  self->other_uri = g_strdup_printf ("http://localhost:%u/", self->port);
  return self;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/**
 * faulty_server_free:
 * @self: a server
 *
 * Stops the server's thread and frees it.
 */
void
faulty_server_free (FaultyServer *self)
{
  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready_cond);
  g_free (self->uri);
  g_free (self->other_uri);
  g_free (self);
}

const char *
faulty_server_get_uri (FaultyServer *self)
{
  return self->uri;
}

const char *
faulty_server_get_other_uri (FaultyServer *self)
{
  return self->other_uri;
}

guint
faulty_server_get_requests (FaultyServer *self)
{
  return (guint) g_atomic_int_get (&self->requests);
}

guint
faulty_server_get_writes (FaultyServer *self)
{
  return (guint) g_atomic_int_get (&self->writes);
}

/**
 * faulty_peak_rss_kib:
 *
 * Returns: the process's peak resident set so far (VmHWM), in KiB; 0 when
 *   /proc does not say
 */
guint64
faulty_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}
