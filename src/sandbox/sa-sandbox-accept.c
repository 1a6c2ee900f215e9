/* sa-sandbox-accept.c — the sandbox accepts its connections itself and hands
 * them to libsoup, so that libsoup 3.2's server leaks nothing per connection
 *
 * libsoup 3.2.3 (Debian 12) has two server leaks per connection, both fixed
 * upstream later (docs/security.md, "What remains", has the figures):
 *
 * - its listener never unrefs the GSocket it accepts (soup-listener.c,
 *   listen_watch(): 336 bytes per connection; upstream b545d5f0
 *   "soup-listener: Plug a leak", libsoup 3.4.0). Accepting here with a
 *   GSocketService and handing each stream to soup_server_accept_iostream()
 *   leaves that code out; TLS (--tls-certificate) is then our handshake.
 * - a keep-alive connection that the client closes while idle (between two
 *   requests) is never dropped: the next message waits for its first byte
 *   with no completion callback, so EOF ends it without disconnecting the
 *   connection (soup-server-message-io-http1.c,
 *   soup_server_message_io_http1_finished()): the connection, its buffers
 *   and its file descriptor stay until the server stops (upstream d20c6601
 *   "server: do not leak idle connections closed by the client", 3.3.0).
 *   The client's SoupSession closes idle connections after its idle timeout,
 *   so a classroom server ran out of file descriptors (1,024 by default)
 *   after about a thousand of them and answered nobody. Each stream handed
 *   to libsoup is wrapped (SaSandboxInput below): when the client ends or
 *   breaks the connection while no request is under way, the stream gives
 *   libsoup one byte ('X') before the end; libsoup then starts a message,
 *   finds no valid request line, answers 400 to the gone client and drops
 *   the connection through its normal clean-up. The byte can land only where
 *   a request's head would start or end (a request under way, from its
 *   first byte to its end, sees the true end or error): no request body is
 *   ever completed by it.
 *
 * libsoup keeps a connection alive after a request only while the server
 * has a listener of its own (soup-server.c, request_finished()): it is given
 * one that can never accept anything, one end of a socket pair (libsoup
 * takes a connected socket as a listener; the other end stays with us and
 * sends nothing).
 *
 * "Under way" is known from the server's request-started and
 * request-finished/-aborted signals, on the remote address object handed to
 * soup_server_accept_iostream() (one per connection; the message returns that
 * same object).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-accept.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#define SA_SANDBOX_LISTEN_BACKLOG 128

/* The qdata on a connection's remote address: non-NULL while a request is
 * under way on it. */
static GQuark
request_under_way_quark (void)
{
  return g_quark_from_static_string ("sa-sandbox-request-under-way");
}

/* ------------------------------------------------------------------------ */
/* The input stream handed to libsoup                                        */

#define SA_TYPE_SANDBOX_INPUT (sa_sandbox_input_get_type ())
G_DECLARE_FINAL_TYPE (SaSandboxInput, sa_sandbox_input, SA, SANDBOX_INPUT, GFilterInputStream)

struct _SaSandboxInput
{
  GFilterInputStream parent_instance;

  GSocketAddress *peer;  /* carries the request-under-way mark */
  gboolean        ended; /* the byte was given: only EOF from now on */
};

static void sa_sandbox_input_pollable_iface_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SaSandboxInput, sa_sandbox_input, G_TYPE_FILTER_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      sa_sandbox_input_pollable_iface_init))

static GInputStream *
input_base (SaSandboxInput *self)
{
  return g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (self));
}

/* What a read of the client's stream gives libsoup: @nread as read, unless
 * the client ended or broke the connection between two requests; then the
 * one byte that makes libsoup drop it (see the file header). */
static gssize
input_filter (SaSandboxInput  *self,
              gssize           nread,
              void            *buffer,
              gsize            count,
              GError         **error)
{
  if (nread > 0 || count == 0)
    return nread;
  if (nread < 0 &&
      (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK) ||
       g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    return nread;
  if (g_object_get_qdata (G_OBJECT (self->peer), request_under_way_quark ()) != NULL)
    return nread; /* libsoup ends a request under way itself */

  g_clear_error (error);
  self->ended = TRUE;
  ((char *) buffer)[0] = 'X';
  return 1;
}

static gssize
sa_sandbox_input_read (GInputStream  *stream,
                       void          *buffer,
                       gsize          count,
                       GCancellable  *cancellable,
                       GError       **error)
{
  SaSandboxInput *self = (SaSandboxInput *) stream;
  GError *local_error = NULL;
  gssize nread;

  if (self->ended)
    return 0;
  nread = g_input_stream_read (input_base (self), buffer, count, cancellable, &local_error);
  nread = input_filter (self, nread, buffer, count, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return nread;
}

static gssize
sa_sandbox_input_read_nonblocking (GPollableInputStream  *stream,
                                   void                  *buffer,
                                   gsize                  count,
                                   GError               **error)
{
  SaSandboxInput *self = (SaSandboxInput *) stream;
  GError *local_error = NULL;
  gssize nread;

  if (self->ended)
    return 0;
  nread = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (input_base (self)),
                                                    buffer, count, NULL, &local_error);
  nread = input_filter (self, nread, buffer, count, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return nread;
}

static gboolean
sa_sandbox_input_can_poll (GPollableInputStream *stream)
{
  SaSandboxInput *self = (SaSandboxInput *) stream;

  return g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (input_base (self)));
}

static gboolean
sa_sandbox_input_is_readable (GPollableInputStream *stream)
{
  SaSandboxInput *self = (SaSandboxInput *) stream;

  return self->ended ||
         g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (input_base (self)));
}

static GSource *
sa_sandbox_input_create_source (GPollableInputStream *stream,
                                GCancellable         *cancellable)
{
  SaSandboxInput *self = (SaSandboxInput *) stream;
  g_autoptr(GSource) base_source = NULL;

  /* The base stream's source, as ours (g_pollable_source_new_full() gives
   * the child its dummy callback). */
  base_source = g_pollable_input_stream_create_source (G_POLLABLE_INPUT_STREAM (input_base (self)),
                                                       NULL);
  return g_pollable_source_new_full (self, base_source, cancellable);
}

static void
sa_sandbox_input_pollable_iface_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = sa_sandbox_input_can_poll;
  iface->is_readable = sa_sandbox_input_is_readable;
  iface->create_source = sa_sandbox_input_create_source;
  iface->read_nonblocking = sa_sandbox_input_read_nonblocking;
}

static void
sa_sandbox_input_finalize (GObject *object)
{
  SaSandboxInput *self = (SaSandboxInput *) object;

  g_clear_object (&self->peer);

  G_OBJECT_CLASS (sa_sandbox_input_parent_class)->finalize (object);
}

static void
sa_sandbox_input_class_init (SaSandboxInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *input_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = sa_sandbox_input_finalize;
  input_class->read_fn = sa_sandbox_input_read;
}

static void
sa_sandbox_input_init (SaSandboxInput *self)
{
}

/* ------------------------------------------------------------------------ */
/* The connection handed to libsoup: our input, the client's output          */

#define SA_TYPE_SANDBOX_STREAM (sa_sandbox_stream_get_type ())
G_DECLARE_FINAL_TYPE (SaSandboxStream, sa_sandbox_stream, SA, SANDBOX_STREAM, GIOStream)

struct _SaSandboxStream
{
  GIOStream       parent_instance;

  GIOStream      *base;  /* the client's connection (TCP, or TLS over it) */
  SaSandboxInput *input;
};

G_DEFINE_FINAL_TYPE (SaSandboxStream, sa_sandbox_stream, G_TYPE_IO_STREAM)

static GInputStream *
sa_sandbox_stream_get_input_stream (GIOStream *stream)
{
  return G_INPUT_STREAM (((SaSandboxStream *) stream)->input);
}

static GOutputStream *
sa_sandbox_stream_get_output_stream (GIOStream *stream)
{
  return g_io_stream_get_output_stream (((SaSandboxStream *) stream)->base);
}

static gboolean
sa_sandbox_stream_close (GIOStream     *stream,
                         GCancellable  *cancellable,
                         GError       **error)
{
  /* Closes the socket (and ends TLS) along with both streams. */
  return g_io_stream_close (((SaSandboxStream *) stream)->base, cancellable, error);
}

static void
sa_sandbox_stream_finalize (GObject *object)
{
  SaSandboxStream *self = (SaSandboxStream *) object;

  if (!g_io_stream_is_closed (self->base))
    g_io_stream_close (self->base, NULL, NULL);
  g_clear_object (&self->input);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (sa_sandbox_stream_parent_class)->finalize (object);
}

static void
sa_sandbox_stream_class_init (SaSandboxStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GIOStreamClass *stream_class = G_IO_STREAM_CLASS (klass);

  object_class->finalize = sa_sandbox_stream_finalize;
  stream_class->get_input_stream = sa_sandbox_stream_get_input_stream;
  stream_class->get_output_stream = sa_sandbox_stream_get_output_stream;
  stream_class->close_fn = sa_sandbox_stream_close;
}

static void
sa_sandbox_stream_init (SaSandboxStream *self)
{
}

static GIOStream *
sa_sandbox_stream_new (GIOStream      *base,
                       GSocketAddress *peer)
{
  SaSandboxStream *self = g_object_new (SA_TYPE_SANDBOX_STREAM, NULL);

  self->base = g_object_ref (base);
  self->input = g_object_new (SA_TYPE_SANDBOX_INPUT,
                              "base-stream", g_io_stream_get_input_stream (base),
                              "close-base-stream", FALSE, NULL);
  self->input->peer = g_object_ref (peer);
  return G_IO_STREAM (self);
}

/* ------------------------------------------------------------------------ */
/* Accepting                                                                  */

struct _SaSandboxAcceptor
{
  SoupServer      *server;
  GSocketService  *service;
  GSocket         *socket;      /* the listening one */
  GTlsCertificate *certificate; /* NULL: plain HTTP */
  GCancellable    *cancellable; /* the TLS handshakes under way */
  int              idle_peer;   /* the other end of libsoup's idle listener */
};

/* Hands a client's connection (plain, or TLS once shaken hands) to libsoup. */
static void
hand_to_soup (SoupServer        *server,
              GSocketConnection *connection,
              GIOStream         *stream)
{
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr(GIOStream) wrapped = NULL;

  if (local == NULL || remote == NULL)
    {
      /* gone already */
      g_io_stream_close (stream, NULL, NULL);
      return;
    }

  wrapped = sa_sandbox_stream_new (stream, remote);
  soup_server_accept_iostream (server, wrapped, local, remote, NULL);
}

/* A TLS handshake under way: what handing its connection over needs. */
typedef struct
{
  SoupServer        *server;
  GSocketConnection *connection;
  GCancellable      *cancellable; /* the acceptor's: cancelled when it stops */
} Handshake;

static void
handshake_free (Handshake *handshake)
{
  g_object_unref (handshake->server);
  g_object_unref (handshake->connection);
  g_object_unref (handshake->cancellable);
  g_free (handshake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Handshake, handshake_free)

static void
on_handshake_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Handshake) handshake = user_data;
  GTlsConnection *tls = G_TLS_CONNECTION (source);
  g_autoptr(GError) error = NULL;

  if (!g_tls_connection_handshake_finish (tls, result, &error) ||
      g_cancellable_is_cancelled (handshake->cancellable))
    {
      /* a client that does not trust us or speaks no TLS, or the server
       * stopping: just close, as libsoup does */
      g_io_stream_close (G_IO_STREAM (tls), NULL, NULL);
      return;
    }

  hand_to_soup (handshake->server, handshake->connection, G_IO_STREAM (tls));
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  SaSandboxAcceptor *acceptor = user_data;
  const char *protocols[] = { "http/1.1", "http/1.0", NULL };
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GError) error = NULL;
  Handshake *handshake;

  /* As libsoup's listener: small answers go out at once. */
  g_socket_set_option (g_socket_connection_get_socket (connection), IPPROTO_TCP, TCP_NODELAY,
                       TRUE, NULL);

  if (acceptor->certificate == NULL)
    {
      hand_to_soup (acceptor->server, connection, G_IO_STREAM (connection));
      return TRUE;
    }

  /* As libsoup's own TLS (soup-server-connection.c): no close_notify
   * required, HTTP/1.x advertised. */
  tls = g_tls_server_connection_new (G_IO_STREAM (connection), acceptor->certificate, &error);
  if (tls == NULL)
    {
      g_warning ("TLS connection refused: %s", error->message);
      return TRUE;
    }
  g_object_set (tls, "require-close-notify", FALSE, "advertised-protocols", protocols, NULL);

  handshake = g_new0 (Handshake, 1);
  handshake->server = g_object_ref (acceptor->server);
  handshake->connection = g_object_ref (connection);
  handshake->cancellable = g_object_ref (acceptor->cancellable);
  g_tls_connection_handshake_async (G_TLS_CONNECTION (tls), G_PRIORITY_DEFAULT,
                                    acceptor->cancellable, on_handshake_done, handshake);
  return TRUE;
}

/* The request-under-way mark (see the file header). */
static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  GSocketAddress *peer = soup_server_message_get_remote_address (msg);

  if (peer != NULL)
    g_object_set_qdata (G_OBJECT (peer), request_under_way_quark (), GINT_TO_POINTER (TRUE));
}

static void
on_request_ended (SoupServer        *server,
                  SoupServerMessage *msg,
                  gpointer           user_data)
{
  GSocketAddress *peer = soup_server_message_get_remote_address (msg);

  if (peer != NULL)
    g_object_set_qdata (G_OBJECT (peer), request_under_way_quark (), NULL);
}

/* Gives @server a listener that never accepts, so that it keeps connections
 * alive (see the file header). */
static gboolean
add_idle_listener (SaSandboxAcceptor  *acceptor,
                   GError            **error)
{
  g_autoptr(GSocket) end = NULL;
  int fds[2];

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "socketpair: %s", g_strerror (saved_errno));
      return FALSE;
    }
  acceptor->idle_peer = fds[1];
  end = g_socket_new_from_fd (fds[0], error);
  if (end == NULL)
    {
      close (fds[0]);
      return FALSE;
    }
  return soup_server_listen_socket (acceptor->server, end, 0, error);
}

/**
 * sa_sandbox_acceptor_new:
 * @server: (transfer none): the server that answers the requests; kept
 * @socket: (transfer none): a bound TCP socket, not yet listening; kept
 * @certificate: (transfer none) (nullable): the certificate (with its private
 *   key) to serve HTTPS with; %NULL for plain HTTP
 * @error: return location for a #GError
 *
 * Listens on @socket (a backlog of 128, for a whole class connecting at
 * once) and hands every connection accepted, after the TLS handshake when
 * @certificate is set, to @server through soup_server_accept_iostream(),
 * wrapped so that libsoup 3.2 drops it when the client closes it between
 * two requests (see the file header: the sandbox's answer to libsoup's
 * per-connection leaks, issue 13). Connections are accepted in the caller's
 * thread-default main context, where @server runs.
 *
 * Returns: (transfer full): the acceptor, or %NULL with @error set (a
 *   %G_IO_ERROR code from listen()); free with sa_sandbox_acceptor_free()
 */
SaSandboxAcceptor *
sa_sandbox_acceptor_new (SoupServer       *server,
                         GSocket          *socket,
                         GTlsCertificate  *certificate,
                         GError          **error)
{
  g_autoptr(SaSandboxAcceptor) acceptor = g_new0 (SaSandboxAcceptor, 1);

  g_return_val_if_fail (SOUP_IS_SERVER (server), NULL);
  g_return_val_if_fail (G_IS_SOCKET (socket), NULL);
  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), NULL);

  acceptor->server = g_object_ref (server);
  acceptor->socket = g_object_ref (socket);
  acceptor->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  acceptor->cancellable = g_cancellable_new ();
  acceptor->service = g_socket_service_new ();
  acceptor->idle_peer = -1;

  g_socket_set_listen_backlog (socket, SA_SANDBOX_LISTEN_BACKLOG);
  if (!g_socket_listen (socket, error) ||
      !g_socket_listener_add_socket (G_SOCKET_LISTENER (acceptor->service), socket, NULL, error) ||
      !add_idle_listener (acceptor, error))
    return NULL;

  g_signal_connect (acceptor->service, "incoming", G_CALLBACK (on_incoming), acceptor);
  g_signal_connect (server, "request-started", G_CALLBACK (on_request_started), NULL);
  g_signal_connect (server, "request-finished", G_CALLBACK (on_request_ended), NULL);
  g_signal_connect (server, "request-aborted", G_CALLBACK (on_request_ended), NULL);
  g_socket_service_start (acceptor->service);

  return g_steal_pointer (&acceptor);
}

/**
 * sa_sandbox_acceptor_get_socket:
 * @acceptor: an acceptor
 *
 * Returns: (transfer none): the listening socket (for its address and port)
 */
GSocket *
sa_sandbox_acceptor_get_socket (SaSandboxAcceptor *acceptor)
{
  return acceptor->socket;
}

/**
 * sa_sandbox_acceptor_free:
 * @acceptor: (transfer full): an acceptor
 *
 * Stops accepting, closes the listening socket and cancels the TLS
 * handshakes under way. The connections already handed to the server stay
 * its own (soup_server_disconnect() ends them).
 */
void
sa_sandbox_acceptor_free (SaSandboxAcceptor *acceptor)
{
  if (acceptor->service != NULL)
    {
      g_signal_handlers_disconnect_by_data (acceptor->service, acceptor);
      g_socket_service_stop (acceptor->service);
      g_socket_listener_close (G_SOCKET_LISTENER (acceptor->service));
    }
  if (acceptor->server != NULL)
    {
      g_signal_handlers_disconnect_by_func (acceptor->server, on_request_started, NULL);
      g_signal_handlers_disconnect_by_func (acceptor->server, on_request_ended, NULL);
    }
  if (acceptor->cancellable != NULL)
    g_cancellable_cancel (acceptor->cancellable);

  g_clear_object (&acceptor->service);
  g_clear_object (&acceptor->socket);
  g_clear_object (&acceptor->certificate);
  g_clear_object (&acceptor->cancellable);
  g_clear_object (&acceptor->server);
  if (acceptor->idle_peer >= 0)
    close (acceptor->idle_peer);
  g_free (acceptor);
}
